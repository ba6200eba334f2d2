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
      delete: {
        ask: 'Delete from the library…',
        confirm:
          'Delete “{title}” and every version of it from the library? Your original file is not touched.',
        run: 'Delete',
        cancel: 'Cancel',
      },
      snapshot: {
        selfContained: 'Self-contained: keep the data in the snapshot, so it opens on any machine',
        selfContainedHint:
          'Without this, the snapshot reads its dataset from the library when opened (a smaller file).',
        isSelfContained: 'Self-contained snapshot.',
        isLinked: 'Linked snapshot.',
        showingSaved: 'The chart and the table show the data saved in it; it needs no dataset.',
        showingLive: 'It is showing today’s data from your library.',
        readsLibrary: 'It reads its data from your library.',
        readLive: 'Read today’s data instead',
        missingButSaved: 'The dataset {dataset} is not in your library; the snapshot does not need it.',
        importAgain:
          'The dataset {dataset} is not in your library. Import {file} again (version {version}, SHA-256 {sha}…) to see this view.',
        missingBundled:
          'The dataset {dataset} (version {version}) is not in this copy of the app, so this view cannot be drawn.',
      },
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
      delete: {
        ask: '从数据库中删除…',
        confirm: '从数据库中删除“{title}”及其所有版本？您的原始文件不会被改动。',
        run: '删除',
        cancel: '取消',
      },
      snapshot: {
        selfContained: '独立快照：将数据保存在快照中，在任何电脑上都能打开',
        selfContainedHint: '不勾选时，快照打开时从数据库读取数据（文件较小）。',
        isSelfContained: '独立快照。',
        isLinked: '关联快照。',
        showingSaved: '图表和表格显示快照中保存的数据，无需数据集。',
        showingLive: '当前显示的是数据库中的最新数据。',
        readsLibrary: '它从您的数据库读取数据。',
        readLive: '改为读取最新数据',
        missingButSaved: '数据集 {dataset} 不在您的数据库中；此快照不需要它。',
        importAgain:
          '数据集 {dataset} 不在您的数据库中。请重新导入 {file}（版本 {version}，SHA-256 {sha}…）以查看此视图。',
        missingBundled: '此应用不含数据集 {dataset}（版本 {version}），无法绘制此视图。',
      },
    },
  },
}
