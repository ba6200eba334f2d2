/**
 * The services' refusals in the page's language, by their catalogue id (electron/shared/messages.ts).
 * English is the catalogue itself; Chinese is written here, one text per id with the same slots (a
 * test compares them). A text about a file follows its name ("book.csv：文件为空。"), so each Chinese
 * text is a sentence of its own.
 */
import { serviceMessages, type MessageId } from '@shared/messages'

const zh: Record<MessageId, string> = {
  inFile: '{file}：{detail}',
  inPart: '{part}：{detail}',
  partDoes: '{part}：{detail}',
  atLine: '第 {line} 行：{detail}',
  namedColumn: '“{name}”列',
  unnamedColumn: '无名称的第 {column} 列',

  fileEmpty: '文件为空。',
  gzipEmpty: '这是一个空的 gzip 文件。',
  fileGone: '文件已不存在：它已被删除或移动。',
  movedWhileImporting: '文件在导入过程中被删除或移动。未保存任何内容。',
  fileMovedWhileImporting: '文件在导入过程中被删除或移动。未保存任何内容。',
  changedWhileImporting:
    '文件在导入过程中被改动（另一个程序写入了它）。未保存任何内容；请等文件完整后再打开。',
  diskFull: '磁盘已满，导入已停止，未保存任何内容。请释放一些空间后重试。',
  outOfMemory: '导入所需的内存超出了应用允许的上限。未保存任何内容。',
  binaryData: '这不是文本表格：文件含有二进制数据（它是电子表格、压缩包还是数据库文件？）。',
  unknownEncoding:
    '文件使用了应用无法识别的文本编码。请将其另存为 UTF-8（或 UTF-16、Windows-1252、GB18030、Big5）后重试。',
  gzipUnreadable: '这不是可读取的 gzip 文件（{problem}）。',
  oldExcel: '这是 Excel 97–2003 工作簿（.xls），应用无法读取。请将其另存为 .xlsx 或 CSV 后再打开。',
  webPage:
    '这是网页（HTML 或 XML），不是表格：Trade Map 等网站会以这种方式保存“.xls”下载文件。请改为下载文本或 CSV 导出文件，或在电子表格软件中打开它并另存为 CSV。',
  parquetInvalid: '这不是有效的 Parquet 文件（文件已损坏或不完整）。',

  noHeaderRow: '文件没有标题行。',
  onlyBlankLines: '文件没有标题行：开头只有空行。',
  firstLineTooLong: '第 1 行超过 {size} MB 且没有换行：这不是应用能读取的表格。',
  dataAsHeader: '第 {line} 行是数字（{numbers}），而此处应是写明各列名称的标题行。请添加标题行后重试。',
  columnWithoutName: '标题行中第 {column} 列没有名称。请为每一列命名后重试。',
  duplicateColumn: '标题行中“{name}”列出现了两次（第 {first} 列和第 {second} 列）。请重命名其中一列后重试。',
  headerWithoutRows: '文件有标题行，但没有数据行。',
  noPeriodColumn:
    '此文件没有时期列：没有一列以时期命名（TIME_PERIOD、date、year、period…），也没有一列包含 2024、2024-03 或 2024Q1 这样的时期。应用按时间绘制数值，因此需要时期列；每个国家只有一个数值而没有年份的表格（例如经合组织美好生活指数）无法导入。请下载包含时间维度的数据后再导入。',
  unknownLayout: '这些列不是应用认识的布局。请在列映射中选择哪一列是时期、数值、伙伴……',
  otherLayout: '{part} 的布局与第一个资源不同；请分别导入。',
  mappingOutside: '列映射指定了第 {column} 列，但文件只有 {count} 列。',
  periodAlsoValue: '时期列不能同时作为数值列。',

  notNumberInColumn: '{column}中的“{value}”不是数字。',
  notTypeInColumn: '{column}中的“{value}”不是 {type} 类型的值。',
  notNumber: '“{value}”不是数字。',
  emptyPeriod: '{column}中的时期为空。',
  monthsAddedUp:
    '{column}：“{value}”是几个月的合计，既不是 1–2 月合并（2025-01..2025-02），也不是年初至今累计（同一年从 1 月到之后某月，2025-01..2025-07）。应用按每个数字发布时所属的时期保存它，从不把它拆分成各月：请去掉这些行，或逐月提供数据。',
  badPeriod:
    '{column}：{why}。应用能读取年份（2024）、季度（2024Q1）和月份（2024-03、202403、2024M03、March 2024、Mar-2024）。',
  notPeriod: '“{value}”不是时期',
  periodEmpty: '时期为空',
  yearOutside: '年份 {year} 不在 {first}至{last}的范围内',
  notMonthWritten: '“{value}”不是 YYYY-MM 格式的月份',
  noSuchMonth: '月份 {month} 不存在（月份为 01 至 12）',
  notPeriodLike: '“{value}”不是 2025-11、2025-Q2、2025 或 2025-01..2025-02 这样的时期',
  spanOneDotDot: '“{value}”不是时期：时期跨度中只能有一个“..”',
  spanBackwards: '时期跨度“{value}”的结束必须晚于开始',
  fiscalYear: '“{value}”看起来是财政年度或跨年年度；应用只读取日历年',
  monthNotEnglish: '“{value}”不是英文的月份名称（January、Jan、Sept…）',
  dayOrMonth: '“{value}”既可读作日/月，也可读作月/日，因此不作猜测',
  monthsSummed: '“{value}”是几个月的合计（年初至今累计），不是单一时期：请去掉这些行',
  twoDigitYear: '“{value}”使用两位数年份，可能有不止一种读法',
  unreadablePeriod: '“{value}”不是应用能读取的时期',
  raggedRow: '该行有 {found} 个值，但标题行有 {expected} 列。每一行的值个数必须相同。',
  lineTooLong: '该行超过应用接受的长度（{size} MB）：这不是应用能读取的表格。',
  someLineTooLong: '有一行超过应用接受的长度（{size} MB）：这不是应用能读取的表格。',
  invalidUtf8: '文件开头是有效的 UTF-8 文本，但这里不是。请将文件另存为 UTF-8 后重试。',
  unclosedQuote: '有一个带引号的值没有闭合（缺少一个 "）。',

  jsonUnreadable: '文件无法作为 JSON 读取。',
  gzipJsonUnreadable: '文件无法作为 gzip 压缩的 JSON 读取。',
  jsonTooDeep: '数据嵌套超过 {limit} 层，统计表格不需要这么深；未继续读取。',
  jsonInvalid: '这不是有效的 JSON。',
  jsonInvalidAt: '这不是有效的 JSON：第 {byte} 字节处 {problem}。',
  jsonInvalidBecause: '这不是有效的 JSON：{problem}',
  packageTooLarge: '文件太大，不是数据包描述文件。',
  packageNoResources: '这是一个没有资源的数据包。',
  packageNoData: '这是一个没有 CSV、Parquet 或 JSON 资源的数据包。',
  packageOutside: '{resource} 指向数据包文件夹之外（{path}）；应用只读取 datapackage.json 旁边的文件。',
  packageLinkOutside: '{resource} 指向数据包文件夹之外（{path}）。',
  packageFileMissing: '{resource}：文件 {path} 缺失。',

  workbookUnreadable: '这是无法读取的 Excel 工作簿（已损坏、已加密或不是 .xlsx 文件）。',
  workbookWithoutTable: '这个 Excel 工作簿中没有包含表格的工作表。',
  noSuchSheet: '没有名为“{sheet}”的工作表；它的工作表有：{sheets}。',
  zipInZip: '这是压缩包中的压缩包：请先解开外层压缩包。',
  zipWithoutData: '这个 ZIP 压缩包中没有 CSV、文本、Parquet 或 JSON 文件。',
  zipNoDataFile: '没有名为“{name}”的数据文件。',
  zipNoMember: '压缩包中没有名为“{name}”的文件。',
  zipUnsafeName: '这个 ZIP 压缩包中有文件的名称指向压缩包之外（绝对路径或“..”），因此未打开。',
  zipUnreadable: '这个 ZIP 压缩包无法读取（已损坏或不完整）。',
  zipTooLarge: '这个 ZIP 压缩包解压后将达 {size} GB，超过应用接受的 {limit} GB。',
  zipBomb:
    '这个 ZIP 压缩包中的 {name} 解压后将达到压缩大小的 {ratio} 倍：这是 ZIP 炸弹，不是数据文件，因此未打开。',
  zipMemberOverflows: '这个 ZIP 压缩包中的 {name} 解压后超过了它声明的大小。',

  notOpenable: '这不是应用能打开的文件。',
  fileMissing: '{name} 已不存在。',
  notRegularFile: '{name} 不是普通文件。',
  unknownFileId: '应用只打开您选择的文件（“打开文件…”、拖放或“打开方式”）；此文件标识未知。',

  notAFile: '{name} 不是文件。',
  snapshotTooLarge: '{name} 大小为 {size} MB：快照文件最大为 {limit} MB，因此它不是快照（未读取）。',
  snapshotNotUtf8: '{name} 不是快照：它不是 UTF-8 文本。',
  snapshotCannotOpen: '无法打开此快照：{why}',
  snapshotNotJson: '它不是有效的 JSON（内容被截断或已损坏）。',
  snapshotNotObject: '它不是快照文件（其中没有 JSON 对象）。',
  snapshotOtherFormat: '它不是中国贸易数据浏览器的快照（“format”字段缺失或不同）。',
  snapshotNoVersion: '它没有“formatVersion”字段。',
  snapshotBadVersion: '它的“formatVersion”不是版本号。',
  snapshotNewer:
    '它由更新版本的应用保存（格式 {version}）；此版本最多能读取格式 {latest}。请更新应用后再打开。',
  snapshotUnknownFormat: '此版本无法读取格式 {version}。',
  snapshotInvalid: '其内容不符合快照格式：{problem}。',
  snapshotGone: '没有这个快照（它已被删除）。',
  snapshotOverLimit: '快照将超过 {limit} MB。',
  snapshotNotChosen: '应用只打开您选择的快照文件（“打开快照…”、双击或拖放）；此文件不是。',
  notSnapshotId: '这不是快照标识。',
  snapshotFilesDesktopOnly: '打开快照文件需要桌面应用。',
  pdfDesktopOnly: '导出 PDF 需要桌面应用（在浏览器中，请打开打印视图并打印）。',
  exportDesktopOnly: '导出到文件需要桌面应用。',
  exportNotFullPath: '导出位置必须是完整路径。',
  exportTargetIsFile: '{name} 是一个文件：请为新文件夹选择一个名称。',
  exportFolderNotEmpty: '{name} 中已有其他文件：请选择一个新的或空的文件夹。',

  noSuchImport: '没有名为“{id}”的已导入数据集。',
  importingUnavailable: '此处无法导入文件（没有用户数据文件夹）。',
  openingFilesDesktopOnly: '打开文件需要桌面应用。',
  fileNoLongerExists: '{file} 已不存在：它已被删除或移动。',
  alreadyImporting: '{file} 正在导入中。',
  importedFrequencies: '已导入的数据集只有月度、季度、年度或年初至今累计数据。',
  noFrequencyData: '此数据集没有{frequency}数据。',
  monthly: '月度',
  quarterly: '季度',
  annual: '年度',
  yearToDate: '年初至今累计',
  oneReporter: '请选择一个报告方，而不是区域集团。',
  noReporterData: '此数据集没有 {reporter} 报告的数据。',
  levelsOnly: '已导入的数据集只有水平值，没有 {measure}。',
  noFlowForPeriod: '此数据集在该时期没有 {reporter} 的“{flow}”数据。',
  noFlowOf: '此数据集没有 {reporter} 的“{flow}”数据。',
  noImportedSeries: '数据集“{dataset}”中没有 {reporter} 与 {partner} 之间的{frequency}“{flow}”数据。',
  noImportedProductSeries:
    '数据集“{dataset}”中没有 {reporter} 与 {partner} 之间 {product} 的{frequency}“{flow}”数据。',
  setAside:
    '{file} 上次读取时导致数据引擎停止运行，因此已被搁置，不会再自动读取。如需重试，请通过“打开文件…”再次选择它。',

  notHsCode: '“{product}”不是 HS 商品编码。',
  noProductsAtDigits: '此数据集没有 {digits} 位编码的商品。',
  noSuchSection: '此数据集没有这个 HS 类。',
  allProductsFromTotals: '“全部商品”取自总额行，而不是各商品行。',
  noProductDetail: '此数据集没有商品细分数据。',
  sixDigitsFinest: 'HS 编码最细到六位。',
  nothingToRank: '此数据集没有可排名的月度、季度或年度数据。',

  engineStoppedReading:
    '读取 {file} 时数据引擎停止了运行。没有任何内容被更改。引擎已重新启动，此文件已被搁置：如需重试，请通过“打开文件…”再次选择它。',
  engineStopped: '数据引擎在应答时停止了运行。没有任何内容被更改。引擎已重新启动：请重试。',
  engineStoppedRepeatedly: '数据引擎多次停止运行，已不再重新启动。请重新启动应用。',
  engineClosed: '数据引擎已关闭。',
  appClosing: '应用正在关闭。',
  noUserData: '笔记和快照需要用户数据文件夹，而本次运行没有。',
  bridgeMissing: '应用无法访问其数据：与主进程的连接缺失。',
  seriesUnanswered: '数据引擎没有返回其中一个序列。',
  listTooLong: '列表太长，无法显示：超过 {count} 项。',

  tooManyNotes: '已有 {limit} 条笔记：请先删除一些再添加。',
  snapshotNotesOverLimit: '此快照的笔记将使笔记总数超过 {limit} 条。',
  cursorDamaged: '此分页标记不是应用给出的（已损坏或是伪造的）。请从第一页重新获取列表。',
  cursorOtherList:
    '此分页标记属于另一个列表，或者自读取第一页以来列表已改变（有文件被导入或删除）。请从第一页重新获取。',
}

export default {
  en: { refusals: serviceMessages },
  'zh-CN': { refusals: zh },
}
