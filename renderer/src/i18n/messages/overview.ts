export default {
  en: {
    overview: {
      title: "China's foreign trade at a glance",
      lede: 'Customs (GACC) figures as first published and reported, in US dollars. Every number links to where it was read.',
      month: 'Month',
      combined: "China's customs publish January and February combined; this is one two-month figure.",
      chartTitle: 'Monthly exports, imports and balance since {from}',
      chartNote: 'Gaps are months for which no published figure was found; nothing is estimated. January–February points (triangles) are two-month totals, as published.',
      chartSources: 'Sources of the chart ({n})',
      values: '{n} value | {n} values',
      card: {
        missingLevel: 'not published in the sources read',
        missingLevelHint: 'No source read for this figure; it is not estimated or filled.',
        yoy: 'year on year (as published)',
        missingYoy: 'y/y: not published in the sources read',
        source: 'Source',
        level: 'Level',
        rate: 'y/y'
      },
      flows: { exports: 'Exports', imports: 'Imports', balance: 'Trade balance' }
    },
    datasets: {
      title: 'Datasets',
      lede: 'The data packages bundled with the app. They are read-only and work offline.',
      notLoaded: '{name} could not be loaded:',
      coverage: 'Coverage',
      coverageRange: '{from} to {to}',
      observations: 'Observations',
      observationsText: '{observations} from {sources} sources',
      version: 'Version',
      licence: 'Licence',
      sources: 'Sources',
      resources: 'Resources',
      name: 'Name',
      contents: 'Contents',
      rows: 'Rows'
    },
    status: { failed: 'Something went wrong.', retry: 'Try again', loading: 'Loading…' }
  },
  'zh-CN': {
    overview: {
      title: '中国对外贸易概览',
      lede: '海关总署（GACC）首次公布并经报道的数据，以美元计。每个数字都链接到其出处。',
      month: '月份',
      combined: '海关总署合并公布1—2月数据；此处为两个月的合计值。',
      chartTitle: '{from}以来的月度出口、进口与差额',
      chartNote: '空缺表示未找到公布数据的月份；不作任何估算。1—2月的点（三角形）为公布的两个月合计。',
      chartSources: '图表来源（{n}）',
      values: '{n} 个数值',
      card: {
        missingLevel: '所读来源中未公布',
        missingLevelHint: '未读到该数字的来源；不作估算或填补。',
        yoy: '同比（公布值）',
        missingYoy: '同比：所读来源中未公布',
        source: '来源',
        level: '数值',
        rate: '同比'
      },
      flows: { exports: '出口', imports: '进口', balance: '贸易差额' }
    },
    datasets: {
      title: '数据集',
      lede: '应用内置的数据包。只读，可离线使用。',
      notLoaded: '{name} 无法加载：',
      coverage: '覆盖范围',
      coverageRange: '{from} 至 {to}',
      observations: '观测值',
      observationsText: '{observations} 个，来自 {sources} 个来源',
      version: '版本',
      licence: '许可',
      sources: '来源',
      resources: '资源',
      name: '名称',
      contents: '内容',
      rows: '行数'
    },
    status: { failed: '出错了。', retry: '重试', loading: '加载中…' }
  }
}
