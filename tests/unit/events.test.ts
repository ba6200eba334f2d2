import { describe, expect, it, vi } from 'vitest'
import { createEventSink } from '../../electron/events'

describe('event sink', () => {
  const progress = {
    jobId: 'j1',
    file: 'comtrade.csv',
    phase: 'reading',
    bytesRead: 10,
    totalBytes: 100,
    rows: 3,
  } as const

  it('passes a valid payload to the transport', () => {
    const transport = vi.fn()
    createEventSink(transport).emit('importProgress', progress)
    expect(transport).toHaveBeenCalledWith('importProgress', progress)
  })

  it('refuses a payload that breaks the event contract before it reaches the page', () => {
    const transport = vi.fn()
    const sink = createEventSink(transport)
    expect(() => sink.emit('importProgress', { ...progress, phase: 'exploding' } as never)).toThrow()
    expect(() => sink.emit('importProgress', { ...progress, rows: -1 })).toThrow()
    expect(transport).not.toHaveBeenCalled()
  })
})
