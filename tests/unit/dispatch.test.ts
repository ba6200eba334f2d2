import { describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/dispatch'
describe('smoke', () => { it('refuses unknown', async () => { expect((await dispatch({} as never, 'x', {})).ok).toBe(false) }) })
