export default {
  en: {
    app: {
      title: 'China Trade Explorer',
      nav: { main: 'Main', overview: 'Overview', calculators: 'Calculators', datasets: 'Datasets' },
      offline: 'Offline',
      offlineHint: 'The app never connects to the internet: all data is bundled.',
      // A note after a word, in the language's own brackets (Chinese: full-width, no space before).
      aside: ' ({text})',
      // A label before what it names, with the language's own colon (Chinese: full-width).
      labelled: '{label}:',
      labelledValue: '{label}: {value}',
      // Two sentences in a row: Chinese puts no space after its full stop.
      sentences: '{first} {second}',
      // Whatever the browser or a library threw: its own text (English, technical) goes to the console.
      unexpected: 'Something went wrong inside the app, and this was not done. Try again.',
    },
  },
  'zh-CN': {
    app: {
      title: '中国贸易数据浏览器',
      nav: { main: '主导航', overview: '概览', calculators: '计算器', datasets: '数据集' },
      offline: '离线',
      offlineHint: '本应用从不连接互联网：所有数据均已内置。',
      aside: '（{text}）',
      labelled: '{label}：',
      labelledValue: '{label}：{value}',
      sentences: '{first}{second}',
      unexpected: '应用内部出错，此操作未完成。请重试。',
    },
  },
}
