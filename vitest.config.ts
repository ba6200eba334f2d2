import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./electron/shared', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Component tests opt in to a DOM with a `// @vitest-environment happy-dom` docblock.
          testTimeout: 20_000,
          // Setup hooks import real files through the real services (DuckDB, a forked engine): seconds
          // on an idle machine, several times that on a loaded CI machine; the default is 10 s.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for what the page shows after a data call or a lazily loaded component: on a
          // loaded machine that takes seconds (the default is 1 s). A poll that passes returns at once.
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time: our machines have two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The desktop app in real Electron (tests/electron/app.test.ts); skipped, with the reason,
          // where no Electron binary exists. Needs `npm run build` first.
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
