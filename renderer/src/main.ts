import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import './styles.css'

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')

// The first Intl formatter loads ICU's locale data (about 40 ms here). Made now, while the page's code
// and first data are still on their way, that cost is off the path to the first chart.
setTimeout(() => {
  const locale = i18n.global.locale.value
  new Intl.NumberFormat(locale).format(1)
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }).format(0)
}, 0)
