import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { worldAtlas } from './scripts/worldAtlas'

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
    plugins: [
      vue(),
      preloadWithEntry(resolve(__dirname, 'renderer/src/views/ExplorerView.vue')),
      // The world map's country shapes, simplified from the 1:50m atlas as the build bundles them.
      worldAtlas(),
    ],
    resolve: { alias: { '@shared': resolve(__dirname, 'electron/shared') } },
    // vue-i18n without what the app does not use (the legacy API, the global $t and its components), so
    // less of it is loaded and compiled before the first chart.
    define: {
      __VUE_I18N_LEGACY_API__: 'false',
      __VUE_I18N_FULL_INSTALL__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    build: {
      outDir: `${out}/renderer`,
      // Minified: the renderer's JavaScript is parsed before the first chart (npm run bench:render).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})

/**
 * Fetches a lazily loaded page's code with the entry: index.html gets a modulepreload link for each of
 * the page's chunks (and a preload for its CSS) that the entry does not already bring. Opened on that
 * page, the app then never waits for them behind the page's first data calls (the web transport, like
 * any HTTP/1.1 page, has six connections); opened elsewhere, they are fetched and compiled, not run.
 */
function preloadWithEntry(pageModule: string): Plugin {
  return {
    name: 'cte:preload-with-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk')
        const byName = new Map(chunks.map((c) => [c.fileName, c]))
        /** A chunk and every chunk it imports statically. */
        const closure = (start: OutputChunk, into = new Set<string>()): Set<string> => {
          if (into.has(start.fileName)) return into
          into.add(start.fileName)
          for (const name of start.imports) {
            const imported = byName.get(name)
            if (imported) closure(imported, into)
          }
          return into
        }
        const page = chunks.find((c) => c.facadeModuleId === pageModule)
        if (!page) throw new Error(`preloadWithEntry: no chunk is built from ${pageModule}`)
        const loaded = closure(entry)
        const scripts = [...closure(page)].filter((name) => !loaded.has(name))
        const styles = scripts.flatMap((name) => [...(byName.get(name)?.viteMetadata?.importedCss ?? [])])
        return [
          ...scripts.map((name) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${name}` },
            injectTo: 'head' as const,
          })),
          ...styles.map((name) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${name}` },
            injectTo: 'head' as const,
          })),
        ]
      },
    },
  }
}
