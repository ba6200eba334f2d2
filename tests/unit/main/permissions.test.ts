import { describe, expect, it } from 'vitest'
import { installPermissionGuards } from '../../../electron/main/permissions'
import { FakeSession } from '../../support/fakeElectron'

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

describe('installPermissionGuards', () => {
  const session = new FakeSession()
  it('Electron grants by default: the fake, unguarded, says yes (so the refusals below are ours)', async () => {
    expect(await new FakeSession().requestPermission('camera', 'app://trade/index.html')).toBe(true)
    expect(new FakeSession().checkPermission('clipboard-read', 'app://trade')).toBe(true)
  })
  it('installs all three handlers', () => {
    installPermissionGuards(session)
    expect(session.permissionRequestHandler).toBeTypeOf('function')
    expect(session.permissionCheckHandler).toBeTypeOf('function')
    expect(session.devicePermissionHandler).toBeTypeOf('function')
  })
  it.each(permissions)('denies a request for %s', async (permission) => {
    expect(await session.requestPermission(permission, 'app://trade/index.html')).toBe(false)
  })
  it.each(permissions)('denies a check for %s, even from our own origin', (permission) => {
    expect(session.checkPermission(permission, 'app://trade')).toBe(false)
  })
  it.each(['hid', 'serial', 'usb'])('denies a %s device grant', (deviceType) => {
    expect(session.devicePermissionHandler!({ deviceType, origin: 'app://trade', device: {} } as never)).toBe(
      false,
    )
  })
})
