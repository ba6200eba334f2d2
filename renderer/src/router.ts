import { createRouter, createWebHashHistory } from 'vue-router'
import DatasetsView from './views/DatasetsView.vue'
import ExplorerView from './views/ExplorerView.vue'
import OverviewView from './views/OverviewView.vue'

// Hash history: the app is served from app://trade/index.html (and index.html in tests), with no server routing.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: OverviewView, meta: { title: 'Overview' } },
    { path: '/explorer', name: 'explorer', component: ExplorerView, meta: { title: 'Explorer' } },
    { path: '/datasets', name: 'datasets', component: DatasetsView, meta: { title: 'Datasets' } }
  ]
})
