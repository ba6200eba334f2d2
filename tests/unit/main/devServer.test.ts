import { describe, expect, it } from 'vitest'
import { isDevServerSocket, isDevServerUrl, resolveDevServerUrl } from '../../../electron/main/devServer'

describe('resolveDevServerUrl', () => {
  it.each([
    ['http://localhost:5173', 'http://localhost:5173/'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/'],
    ['https://[::1]:5173', 'https://[::1]:5173/'],
  ])('accepts loopback %s in development', (value, expected) => {
    expect(resolveDevServerUrl(value, false)).toBe(expected)
  })
  it.each([
    'http://evil.example:5173',
    'http://192.168.1.10:5173',
    'http://localhost.evil.example:5173',
    'http://user@localhost:5173',
    'file:///tmp/index.html',
    'app://trade/',
    'javascript:alert(1)',
    'not a url',
    '',
    `http://localhost:5173/${'a'.repeat(3000)}`,
  ])('refuses %s', (value) => {
    expect(resolveDevServerUrl(value, false)).toBeUndefined()
  })
  it('is never used in a packaged app', () => {
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeUndefined()
    expect(resolveDevServerUrl(undefined, false)).toBeUndefined()
  })
})

describe('isDevServerUrl / isDevServerSocket', () => {
  const dev = 'http://localhost:5173/'
  it('matches the exact origin only', () => {
    expect(isDevServerUrl('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isDevServerUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isDevServerUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isDevServerUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isDevServerUrl('http://x@localhost:5173/', dev)).toBe(false)
    expect(isDevServerUrl('http://localhost:5173/', undefined)).toBe(false)
    expect(isDevServerUrl('ws://localhost:5173/', dev)).toBe(false)
  })
  it('matches the HMR socket on the same host and port', () => {
    expect(isDevServerSocket('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(isDevServerSocket('wss://localhost:5173/', dev)).toBe(false)
    expect(isDevServerSocket('ws://localhost:5174/', dev)).toBe(false)
    expect(isDevServerSocket('ws://localhost:5173/', undefined)).toBe(false)
  })
})
