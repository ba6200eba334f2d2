/** The Explorer's dataset picker and dimension lists, the breakdowns, the map and the mirror view. */
export default {
  en: {
    explore: {
      dataset: 'Dataset',
      bundled: 'Bundled with the app',
      imported: 'Imported by you',
      datasetOption: '{title} — version {version}',
      missingDataset: '{id} (not in this library)',
      reporter: 'Reported by',
      filter: 'Filter {what}',
      filterPlaceholder: 'Type to filter…',
      more: '{n} more: type to filter',
    },
  },
  'zh-CN': {
    explore: {
      dataset: '数据集',
      bundled: '应用自带',
      imported: '您导入的',
      datasetOption: '{title} — 版本 {version}',
      missingDataset: '{id}（不在本机数据库中）',
      reporter: '申报方',
      filter: '筛选{what}',
      filterPlaceholder: '输入以筛选…',
      more: '另有 {n} 项：输入以筛选',
    },
  },
}
