import { describe, expect, it, vi } from 'vitest'
import { installPermissionGuards, type PermissionSession } from '../../../electron/main/permissions'

const permissions = [
  'camera',
  'microphone',
  'media',
  'geolocation',
  'geolocation-approximate',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'local-fonts',
  'storage-access',
  'window-management',
  'persistent-storage',
  'background-sync',
  'screen-wake-lock',
  'payment-handler',
  'fileSystem',
  'keyboardLock',
  'local-network-access',
  'unknown',
  'some-future-permission',
]

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {}
  const session = {
    setPermissionRequestHandler: vi.fn((h) => (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h) => (handlers.check = h)),
    setDevicePermissionHandler: vi.fn((h) => (handlers.device = h)),
  }
  return {
    session: session as unknown as PermissionSession,
    handlers: handlers as Record<string, (...args: unknown[]) => unknown>,
  }
}

describe('installPermissionGuards', () => {
  const { session, handlers } = fakeSession()
  installPermissionGuards(session)

  it('installs all three handlers', () => {
    expect(Object.keys(handlers).sort()).toEqual(['check', 'device', 'request'])
  })
  it.each(permissions)('denies a request for %s', (permission) => {
    const callback = vi.fn()
    handlers.request!({}, permission, callback, { requestingUrl: 'app://trade/index.html' })
    expect(callback).toHaveBeenCalledTimes(1)
    expect(callback).toHaveBeenCalledWith(false)
  })
  it.each(permissions)('denies a check for %s, even from our own origin', (permission) => {
    expect(
      handlers.check!(null, permission, 'app://trade', { requestingUrl: 'app://trade/index.html' }),
    ).toBe(false)
  })
  it.each(['hid', 'serial', 'usb'])('denies a %s device grant', (deviceType) => {
    expect(handlers.device!({ deviceType, origin: 'app://trade', device: {} })).toBe(false)
  })
})
