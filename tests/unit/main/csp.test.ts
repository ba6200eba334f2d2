import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, securityHeaders } from '../../../electron/main/csp'

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/)
    return [name!, values] as const
  }),
)

describe('Content-Security-Policy', () => {
  it.each([
    "'unsafe-eval'",
    "'unsafe-inline'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",
    'http:',
    'https:',
    'ws:',
    'wss:',
    'file:',
    '*',
  ])('never contains %s', (token) => {
    for (const values of directives.values()) expect(values).not.toContain(token)
  })
  it('names no remote origin (no scheme-qualified host anywhere)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[a-z]+:\/\//i)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/)
  })
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['worker-src', ["'self'"]],
  ])('%s is exactly %j', (name, values) => {
    expect(directives.get(name)).toEqual(values)
  })
  it('has no directive beyond the listed ones', () => {
    expect(directives.size).toBe(12)
  })
})

describe('securityHeaders', () => {
  const headers = securityHeaders()
  it('carries the policy and the hardening headers', () => {
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin')
    expect(headers['Referrer-Policy']).toBe('no-referrer')
    expect(headers['Permissions-Policy']).toBe(PERMISSIONS_POLICY)
  })
  it.each([
    'camera',
    'microphone',
    'geolocation',
    'usb',
    'serial',
    'hid',
    'payment',
    'display-capture',
    'midi',
  ])('Permissions-Policy denies %s to everyone', (feature) => {
    expect(PERMISSIONS_POLICY.split(', ')).toContain(`${feature}=()`)
  })
  it('returns a fresh object each time (a caller cannot weaken the next response)', () => {
    const first = securityHeaders()
    first['Content-Security-Policy'] = 'default-src *'
    expect(securityHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
  })
})
