// The child side of the fake utilityProcess (tests/support/fakeElectron.ts): a plain Node child that
// gives the module it runs what an Electron utility process has, `process.parentPort` (messages arrive
// as `{ data, ports }`, `postMessage` answers the parent), then loads that module.
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'

const [modulePath] = process.argv.splice(2, 1)
const parentPort = new EventEmitter()
parentPort.postMessage = (message) => process.send?.(message)
parentPort.start = () => {}
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }))
// Electron ends a utility process with its parent: so does the fake.
process.on('disconnect', () => process.exit(0))
process.parentPort = parentPort
await import(pathToFileURL(modulePath).href)
