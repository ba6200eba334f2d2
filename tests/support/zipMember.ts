/**
 * The bytes of a ZIP archive's first member, read with yauzl (not with the app's reader), so tests
 * compute their expected values from a zipped real file independently of the code under test.
 */
import yauzl from 'yauzl'

export function firstZipMember(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      zip.readEntry()
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            zip.close()
            resolve(Buffer.concat(chunks))
          })
          stream.on('error', reject)
        }),
      )
      zip.on('error', reject)
    }),
  )
}
