import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// CTE_OUT lets several builds coexist (e.g. parallel end-to-end runs); the default is out/.
const out = process.env.CTE_OUT ?? 'out'

// One build tool for the three parts. Output goes to out/{main,preload,renderer}.
export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      // The data engine (DuckDB, imports, queries) is a second entry: main starts it as a utility process.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          engine: resolve(__dirname, 'electron/engine/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      // A sandboxed preload can only require('electron'): bundle everything (zod included) into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    resolve: { alias: { '@shared': resolve(__dirname, 'electron/shared') } },
    build: {
      outDir: `${out}/renderer`,
      // Minified: the renderer's JavaScript is parsed before the first chart (npm run bench:render).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
