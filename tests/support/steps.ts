/**
 * Tests that are steps of one walk: one page and one library, each step starting where the one before
 * left off (a note saved, a table kept to compare with). Once a step fails, each later step of the
 * block fails at once and names it, rather than waiting out its timeouts on a page left in another
 * state and reporting that instead of the first cause.
 */
import { beforeEach } from 'vitest'

/** Call inside the `describe` whose tests are the walk's steps, in order. */
export function stepsInOrder(): void {
  let failed: string | null = null
  beforeEach(({ task, onTestFailed }) => {
    if (failed)
      throw new Error(
        `An earlier step, "${failed}", failed: this one builds on what it leaves, so that error is the cause.`,
      )
    onTestFailed(() => {
      failed ??= task.name
    })
  })
}
