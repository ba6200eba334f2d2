import { createRouter, createWebHashHistory } from 'vue-router'
import { loadCalculatorMessages } from './i18n'
import { prefetchExplorer } from './stores/explorer'
import OverviewView from './views/OverviewView.vue'

// Pages other than the Overview load on first visit, so the landing page parses only what it needs.
// Hash history: the app is served from app://trade/index.html (and index.html in tests), with no server routing.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: OverviewView, meta: { title: 'Overview' } },
    {
      path: '/explorer',
      name: 'explorer',
      component: () => import('./views/ExplorerView.vue'),
      // Start fetching the view's data while the page's code loads, not after.
      beforeEnter: (to) =>
        prefetchExplorer(new URLSearchParams(to.query as Record<string, string>).toString()),
      meta: { title: 'Explorer' },
    },
    {
      path: '/mirror',
      name: 'mirror',
      component: () => import('./views/MirrorView.vue'),
      meta: { title: 'Mirror' },
    },
    {
      path: '/calculators',
      name: 'calculators',
      // The page and its strings load together.
      component: () =>
        Promise.all([import('./views/CalculatorsView.vue'), loadCalculatorMessages()]).then(([view]) => view),
      meta: { title: 'Calculators' },
    },
    {
      path: '/datasets',
      name: 'datasets',
      component: () => import('./views/DatasetsView.vue'),
      meta: { title: 'Datasets' },
    },
    {
      path: '/import',
      name: 'import',
      component: () => import('./views/ImportView.vue'),
      meta: { title: 'Import' },
    },
    {
      path: '/about',
      name: 'about',
      component: () => import('./views/AboutView.vue'),
      meta: { title: 'About' },
    },
    {
      path: '/notes',
      name: 'notes',
      component: () => import('./views/NotesView.vue'),
      meta: { title: 'Notes' },
    },
    {
      path: '/snapshots',
      name: 'snapshots',
      component: () => import('./views/SnapshotsView.vue'),
      meta: { title: 'Snapshots' },
    },
    // A snapshot laid out for paper: printed to PDF by the desktop app (electron/main/printPdf.ts).
    {
      path: '/print/snapshot/:id(s-[a-z0-9-]{4,60})',
      name: 'print-snapshot',
      component: () => import('./views/PrintSnapshotView.vue'),
      meta: { title: 'Print' },
    },
  ],
})
