/**
 * Deny every permission: a statistics viewer needs no camera, microphone, location, notifications,
 * clipboard reading, devices, MIDI, fullscreen-by-script or anything else Chromium can grant.
 * Electron's default is to grant most requests, so each handler must be set explicitly.
 */
import type { Session } from 'electron'

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>

export function installPermissionGuards(session: PermissionSession): void {
  // Asynchronous requests (getUserMedia, Notification.requestPermission, …): always refuse.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  // Synchronous checks (navigator.permissions.query, clipboard, …): always "not granted".
  session.setPermissionCheckHandler(() => false)
  // WebUSB, WebHID, Web Serial device grants: none.
  session.setDevicePermissionHandler(() => false)
}
