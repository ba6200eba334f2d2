/**
 * The application menu: the model (menuModel.ts) turned into Electron's template, with every click
 * routed to one of three handlers. Electron's `Menu` is passed in (type-only import), so this file runs
 * in unit tests with a fake and never loads Electron itself.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../shared/commands'
import type { MenuNode } from './menuModel'

export interface MenuHandlers {
  /** An app command: main sends it to the page, which runs it through its command registry. */
  command(command: AppCommand): void
  openRecent(file: string): void
  clearRecent(): void
}

export type MenuApi = Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>

export function toTemplate(model: readonly MenuNode[], handlers: MenuHandlers): MenuItemConstructorOptions[] {
  return model.map((node) => toItem(node, handlers))
}

function toItem(node: MenuNode, handlers: MenuHandlers): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = { id: node.id }
  if (node.type === 'separator') return { ...item, type: 'separator' }
  if (node.label !== undefined) item.label = node.label
  if (node.role) item.role = node.role
  if (node.accelerator) item.accelerator = node.accelerator
  if (node.enabled !== undefined) item.enabled = node.enabled
  if (node.submenu) item.submenu = toTemplate(node.submenu, handlers)
  const { command, action, path } = node
  if (command) item.click = () => handlers.command(command)
  else if (action === 'openRecent' && path) item.click = () => handlers.openRecent(path)
  else if (action === 'clearRecent') item.click = () => handlers.clearRecent()
  return item
}

export function installApplicationMenu(
  menu: MenuApi,
  model: readonly MenuNode[],
  handlers: MenuHandlers,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(toTemplate(model, handlers)))
}
