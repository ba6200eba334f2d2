import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
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
      compileEagerly(resolve(__dirname, 'renderer/src/views/ExplorerView.vue')),
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
        const chunks = chunksOf(bundle)
        const byName = new Map(chunks.map((c) => [c.fileName, c]))
        const loaded = closure(entry, byName)
        const scripts = [...closure(pageChunk(chunks, pageModule), byName)].filter(
          (name) => !loaded.has(name),
        )
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

/**
 * Compiles the code of the Explorer's first chart while it downloads, not while it first runs: each
 * chunk the entry and the Explorer page load starts with V8's explicit compile hint
 * (`//# allFunctionsCalledOnLoad`, Chromium 136 and later), so its functions are compiled on a
 * background thread as the file streams in. Without it each function is compiled on the page's thread
 * the first time it is called, and most of them (Vue's renderer, vue-i18n, Chart.js, the page) are
 * first called between DOMContentLoaded and the first chart (npm run bench:render). Other pages' chunks
 * keep lazy compilation: most of their functions are never called at start.
 */
function compileEagerly(pageModule: string): Plugin {
  return {
    name: 'cte:compile-eagerly',
    apply: 'build',
    // Written over the files Vite wrote: its own last steps put code before everything else in a chunk
    // with dynamic imports (its preload map), and the hint must be the file's first line.
    writeBundle(options, bundle) {
      const chunks = chunksOf(bundle)
      const byName = new Map(chunks.map((c) => [c.fileName, c]))
      const entry = chunks.find((c) => c.isEntry)
      if (!entry || !options.dir) throw new Error('compileEagerly: the renderer has no entry chunk')
      for (const name of closure(pageChunk(chunks, pageModule), byName, closure(entry, byName)))
        writeFileSync(join(options.dir, name), `//# allFunctionsCalledOnLoad\n${byName.get(name)!.code}`)
    },
  }
}

function chunksOf(bundle: Record<string, OutputChunk | { type: 'asset' }>): OutputChunk[] {
  return Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk')
}

/** The chunk built from a page's module. */
function pageChunk(chunks: readonly OutputChunk[], pageModule: string): OutputChunk {
  const page = chunks.find((c) => c.facadeModuleId === pageModule)
  if (!page) throw new Error(`no chunk is built from ${pageModule}`)
  return page
}

/** A chunk and every chunk it imports statically. */
function closure(
  start: OutputChunk,
  byName: ReadonlyMap<string, OutputChunk>,
  into = new Set<string>(),
): Set<string> {
  if (into.has(start.fileName)) return into
  into.add(start.fileName)
  for (const name of start.imports) {
    const imported = byName.get(name)
    if (imported) closure(imported, byName, into)
  }
  return into
}
