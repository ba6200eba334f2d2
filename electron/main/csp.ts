/**
 * The response headers every page and asset of the app is served with (by the app:// protocol handler
 * and by the web test server alike). Pure, no Electron import.
 *
 * The policy allows only our own origin: the renderer is a Vite build with no inline scripts or styles,
 * Vue templates are precompiled (no eval), and the app never talks to the network. Images may be
 * `data:`/`blob:` because Vite inlines small assets as data: URLs and a canvas (chart) is exported as one.
 */

const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'self'"],
]

// security: CSP_GLOBAL_CHECK — the policy is a response header of every app:// answer (protocol.ts → securityHeaders()), which the linter cannot trace; tests/unit/main/protocol.test.ts "serves index.html for / with the CSP and hardening headers" proves it is sent.
export const CONTENT_SECURITY_POLICY = directives.map(([name, value]) => `${name} ${value}`).join('; ')

/** Powerful features nobody in a statistics viewer needs: denied to every origin, including ours. */
const deniedFeatures = [
  'accelerometer',
  'autoplay',

  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const

export const PERMISSIONS_POLICY = deniedFeatures.map((feature) => `${feature}=()`).join(', ')

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
  }
}
