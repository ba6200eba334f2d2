import { describe, expect, it, vi } from 'vitest'
import { createLinkOpener, linkConfirmation } from '../../../electron/main/externalLinks'

describe('linkConfirmation', () => {
  it('shows the full URL, and Cancel is both the default and what Escape answers', () => {
    const url = `https://www.example.org/${'a'.repeat(300)}?q=1#x`
    const question = linkConfirmation(url, 'en')
    expect(question.detail).toBe(url)
    expect(question.buttons![question.defaultId!]).toBe('Cancel')
    expect(question.cancelId).toBe(question.defaultId)
  })
})

describe('createLinkOpener', () => {
  it('opens only what the user confirmed', async () => {
    const open = vi.fn(async (_url: string) => undefined)
    const answers = [false, true]
    const openLink = createLinkOpener({ confirm: async () => answers.shift()!, open })
    await openLink('https://www.reuters.com/a')
    await openLink('https://www.reuters.com/b')
    expect(open.mock.calls).toEqual([['https://www.reuters.com/b']])
  })

  it('asks one question at a time: links requested while one is open are dropped, not queued', async () => {
    let answer: (yes: boolean) => void = () => {}
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)))
    const open = vi.fn(async (_url: string) => undefined)
    const openLink = createLinkOpener({ confirm, open })
    const first = openLink('https://www.reuters.com/1')
    for (let i = 2; i <= 50; i += 1) await openLink(`https://www.reuters.com/${i}`)
    expect(confirm).toHaveBeenCalledTimes(1)
    answer(true)
    await first
    expect(open.mock.calls).toEqual([['https://www.reuters.com/1']])
    // Once answered, the next link is asked about again.
    const next = openLink('https://www.reuters.com/next')
    expect(confirm).toHaveBeenCalledTimes(2)
    answer(false)
    await next
    expect(open).toHaveBeenCalledTimes(1)
  })

  it('a browser that fails to start is logged, and the next link is asked about', async () => {
    const log = vi.fn()
    const confirm = vi.fn(async () => true)
    const openLink = createLinkOpener({
      confirm,
      open: async () => {
        throw new Error('no browser')
      },
      log,
    })
    await openLink('https://www.reuters.com/a')
    expect(log).toHaveBeenCalledWith('could not open a link', expect.any(Error))
    await openLink('https://www.reuters.com/b')
    expect(confirm).toHaveBeenCalledTimes(2)
  })
})
