import { contextBridge } from 'electron'
import { methods } from '../shared/methods'
contextBridge.exposeInMainWorld('trade', { methods })
