/** The mirror comparison: China's exports to a partner against the partner's imports from China. */
export default {
  en: {
    mirror: {
      nav: 'Mirror',
      title: 'Mirror comparison',
      lead: 'One flow as its two ends report it: China’s exports to a partner, as China reports them, against the partner’s imports from China, as the partner reports them.',
      chinaDataset: 'China’s exports from',
      partnerDataset: 'Partner’s imports from',
      partner: 'Partner',
      frequency: 'Frequency',
      monthly: 'Monthly',
      annual: 'Annual',
      chinaSeries: 'China-reported exports to {partner}',
      partnerSeries: '{partner}-reported imports from China',
      gapSeries: 'Gap (partner − China), computed',
      ratioSeries: 'Ratio (partner ÷ China), computed',
      ratioAxis: 'Ratio (partner ÷ China)',
      chartTitle: 'Mirror: China and {partner}, {span}',
      chartLabel:
        'China-reported exports and partner-reported imports of one flow, the gap as bars and the ratio as a dotted line',
      units:
        'Both sides in {unit}: China’s side published in {china}, the partner’s in {partner}, rescaled by an exact power of ten.',
      missing: 'no value',
      missingNote:
        '{n} period(s) in the common span have a value on one side only: they are left missing, not filled, and have no gap or ratio.',
      noOverlap:
        'The two series share no period, so there is nothing to pair. Pick datasets that cover the same years.',
      choosePartnerData:
        'Choose where the partner’s imports come from: the partner’s own report of its imports from China (a UN Comtrade download or the partner’s customs file, imported on the Import page), so the two ends of one flow can be set side by side. The bundled dataset has no partner’s report of its imports from China.',
      sideMissing: 'No series for “{side}”',
      notInDataset: 'the dataset has no {frequency} data for this pair.',
      frequencyWord: { month: 'monthly', year: 'annual' },
      notUsd: 'One side is in {unit}, not US dollars: the mirror sets US-dollar values side by side only.',
      period: 'Period',
      gap: 'Gap',
      ratio: 'Ratio',
      tableCaption: 'Values in {unit}; “—” is a value the dataset does not have.',
      rules:
        'Computed here, not published: gap = partner-reported imports − China-reported exports (USD million); ratio = partner-reported imports ÷ China-reported exports. Only where both sides have the period.',
      sources: 'Sources',
      loading: 'Loading…',
      whyShort:
        'Why they differ: imports are valued CIF, exports FOB; goods re-exported via Hong Kong count as China’s exports to Hong Kong but as the partner’s imports from China; shipping takes weeks; classification and partner attribution differ.',
      saveHint:
        'The snapshot keeps both sides with their sources, and each dataset’s version and file hash; reopen it from Snapshots.',
      saved: 'Saved “{title}”. It is on the Snapshots page.',
      gapCsv: 'Gap (partner − China)',
      ratioCsv: 'Ratio (partner ÷ China)',
      gapRule: 'computed: partner-reported imports − China-reported exports',
      ratioRule: 'computed: partner-reported imports ÷ China-reported exports',
      why: {
        title: 'Why the two figures differ',
        valuation:
          'Valuation: importers record goods CIF (cost, insurance and freight to their border), exporters FOB (free on board at the port of departure), so imports run several percent above the matching exports.',
        hongKong:
          'Re-exports via Hong Kong and other hubs: goods China ships to Hong Kong are China’s exports to Hong Kong, but the partner records them as imports from China (country of origin) when they are re-exported on.',
        timing:
          'Timing: goods leave China weeks before they arrive, so a month’s (or December’s) shipments land in the next period of the partner’s figures.',
        classification:
          'Classification and attribution: the two customs services classify, value and assign partners differently (origin against consignment, low-value parcels, confidential items), and revise on different schedules.',
      },
    },
  },
  'zh-CN': {
    mirror: {
      nav: '镜像对比',
      title: '镜像数据对比',
      lead: '同一贸易流的两端统计：中国申报的对某伙伴出口，与该伙伴申报的自中国进口。',
      chinaDataset: '中国出口数据来自',
      partnerDataset: '伙伴进口数据来自',
      partner: '贸易伙伴',
      frequency: '频率',
      monthly: '月度',
      annual: '年度',
      chinaSeries: '中国申报：对{partner}出口',
      partnerSeries: '{partner}申报：自中国进口',
      gapSeries: '差额（伙伴 − 中国），计算值',
      ratioSeries: '比率（伙伴 ÷ 中国），计算值',
      ratioAxis: '比率（伙伴 ÷ 中国）',
      chartTitle: '镜像：中国与{partner}，{span}',
      chartLabel: '同一贸易流的中国申报出口与伙伴申报进口，柱形为差额，虚线为比率',
      units:
        '两侧均以{unit}表示：中国一侧原以{china}发布，伙伴一侧原以{partner}发布，按 10 的整数次幂精确换算。',
      missing: '无数值',
      missingNote: '共同区间内有 {n} 个时期只有一侧有数值：保持缺失，不作填补，也不计算差额和比率。',
      noOverlap: '两个序列没有共同的时期，无法配对。请选择覆盖相同年份的数据集。',
      choosePartnerData:
        '请选择伙伴进口数据的来源：伙伴自己申报的自中国进口（在“导入”页面导入的联合国商品贸易统计数据库下载文件或该伙伴的海关文件），这样才能将同一贸易流的两端并列对比。内置数据集不含任何伙伴申报的自中国进口数据。',
      sideMissing: '“{side}”没有数据',
      notInDataset: '该数据集中没有这一对的{frequency}数据。',
      frequencyWord: { month: '月度', year: '年度' },
      notUsd: '一侧的单位是 {unit}，不是美元：镜像对比只比较美元数值。',
      period: '时期',
      gap: '差额',
      ratio: '比率',
      tableCaption: '单位：{unit}；“—”表示数据集中没有该数值。',
      rules:
        '本应用计算，非发布值：差额 = 伙伴申报进口 − 中国申报出口（百万美元）；比率 = 伙伴申报进口 ÷ 中国申报出口。仅在两侧都有该时期数值时计算。',
      sources: '来源',
      loading: '加载中…',
      whyShort:
        '差异原因：进口按到岸价（CIF）、出口按离岸价（FOB）计价；经香港转口的货物计为中国对香港出口，却被伙伴记为自中国进口；海运需要数周；商品分类与伙伴归属不同。',
      saveHint: '快照保存两侧数值及其来源，以及每个数据集的版本和文件哈希；可在“快照”页面重新打开。',
      saved: '已保存“{title}”，可在“快照”页面找到。',
      gapCsv: '差额（伙伴 − 中国）',
      ratioCsv: '比率（伙伴 ÷ 中国）',
      gapRule: '计算值：伙伴申报进口 − 中国申报出口',
      ratioRule: '计算值：伙伴申报进口 ÷ 中国申报出口',
      why: {
        title: '两个数字为何不同',
        valuation:
          '计价方式：进口方按到岸价（CIF，含运费和保险费）记录，出口方按离岸价（FOB）记录，因此进口数通常比对应的出口数高出几个百分点。',
        hongKong:
          '经香港等地转口：中国运往香港的货物计为中国对香港出口，但转口后伙伴按原产地记为自中国进口。',
        timing: '时间差：货物离开中国数周后才抵达，一个月（或十二月）的出货会落入伙伴统计的下一个时期。',
        classification:
          '分类与伙伴归属：两国海关的商品分类、估价和伙伴认定（原产地与起运地、小额包裹、保密项目）不同，修订时间也不同。',
      },
    },
  },
}
