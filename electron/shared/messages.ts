/**
 * The one catalogue of what the services tell the user when they refuse or fail. Each message has a
 * stable id and its English text, with `{name}` slots for its parameters. A refusal travels as its id
 * and parameters (`Said`) beside the English text (errors.ts), so the page words it in its own
 * language by id (the renderer's `refusals` messages) and logs or callers without a language read the
 * English. The texts are vue-i18n templates: no `@`, `|`, `{` or `}` outside a slot.
 *
 * A message that starts in lower case follows a file name ("book.csv: is empty."), a line ("line 12:
 * …") or a part of the file (`inFile`, `atLine`, `inPart`).
 */
import { say, type MessageId, type ParamValue, type Said } from './say'

export { say, type MessageId, type ParamValue, type ParamsOf, type Said } from './say'

export const serviceMessages = {
  // Where in the input a refusal is.
  inFile: '{file}: {detail}',
  inPart: '{part}: {detail}',
  partDoes: '{part} {detail}',
  atLine: 'line {line}: {detail}',
  namedColumn: '{name}',
  unnamedColumn: 'number {column} (no name)',

  // The file as a whole.
  fileEmpty: 'is empty.',
  gzipEmpty: 'is an empty gzip file.',
  fileGone: 'no longer exists: it was deleted or moved.',
  movedWhileImporting: 'was deleted or moved while it was being imported. Nothing was saved.',
  fileMovedWhileImporting: 'the file was deleted or moved while it was being imported. Nothing was saved.',
  changedWhileImporting:
    'changed while it was being imported (another program wrote to it). Nothing was saved; open it again when it is complete.',
  diskFull:
    'the disk is full, so the import was stopped and nothing was saved. Free some space and try again.',
  outOfMemory: 'the import needed more memory than the app allows. Nothing was saved.',
  binaryData:
    'is not a text table: it contains binary data (is it a spreadsheet, an archive or a database file?).',
  unknownEncoding:
    'uses a text encoding the app cannot recognise. Save it as UTF-8 (or UTF-16, Windows-1252, GB18030, Big5) and try again.',
  gzipUnreadable: 'is not a readable gzip file ({problem}).',
  oldExcel:
    'is an Excel 97–2003 workbook (.xls), which the app does not read. Save it as .xlsx or CSV and open that.',
  webPage:
    'is a web page (HTML or XML), not a table: Trade Map and some other sites save their ".xls" downloads this way. Download the text or CSV export instead, or open it in a spreadsheet and save it as CSV.',
  parquetInvalid: 'is not a valid Parquet file (it is damaged or incomplete).',
  importCancelled: 'the import was cancelled. Nothing was saved.',
  // What the data engine failed on that no message here explains (its own words are for the log).
  unreadableFile:
    'could not be read: the data engine stopped on something in it that the app cannot name. Nothing was saved. If it opens in a spreadsheet, save it from there as CSV (UTF-8) and try again.',
  unreadableHere:
    'the data engine stopped on something here that the app cannot name. Nothing was saved. Look at this line in a text editor, or save the file again as CSV (UTF-8), and try again.',

  // The header row and the layout.
  noHeaderRow: 'has no header row.',
  onlyBlankLines: 'has no header row: only blank lines were found at its start.',
  firstLineTooLong:
    'line 1 is longer than {size} MB with no line break: this is not a table the app can read.',
  dataAsHeader:
    'line {line} holds numbers ({numbers}) where a header row naming the columns was expected. Add a header row and try again.',
  columnWithoutName: 'column {column} has no name in the header row. Give every column a name and try again.',
  duplicateColumn:
    "the header row names the column '{name}' twice (columns {first} and {second}). Rename one of them and try again.",
  headerWithoutRows: 'has a header row but no data rows.',
  noPeriodColumn:
    'this file has no period column: no column is named as one (TIME_PERIOD, date, year, period…) and none holds periods such as 2024, 2024-03 or 2024Q1. The app charts values over time, so it needs one; a table with one value per country and no years (such as the OECD Better Life Index) cannot be imported. Download the data with its time dimension and import that.',
  unknownLayout:
    'the columns are not a layout the app knows. Choose which column is the period, the value, the partner… in the column mapping.',
  otherLayout: '{part} has a different layout from the first resource; import them separately.',
  mappingOutside: 'the mapping names column {column}, but the file has {count} columns.',
  periodAlsoValue: 'the period column cannot also be a value column.',

  // Cells and rows.
  notNumberInColumn: "'{value}' is not a number in column {column}.",
  notTypeInColumn: "'{value}' is not a {type} in column {column}.",
  notNumber: "'{value}' is not a number.",
  emptyPeriod: 'the period is empty in column {column}.',
  monthsAddedUp:
    "column {column}: '{value}' is several months added up, neither January–February combined (2025-01..2025-02) nor a year to date (January to a later month of the same year, 2025-01..2025-07). The app keeps each figure for the period it was published for and never splits one into months: leave these rows out, or give the months one by one.",
  badPeriod:
    'column {column}: {why}. The app reads years (2024), quarters (2024Q1) and months (2024-03, 202403, 2024M03, March 2024, Mar-2024).',
  notPeriod: "'{value}' is not a period",
  // Why a label is not a period (shared/periods.ts), the reason inside badPeriod.
  periodEmpty: 'the period is empty',
  yearOutside: 'the year {year} is outside {first}–{last}',
  notMonthWritten: '"{value}" is not a month written YYYY-MM',
  noSuchMonth: 'month {month} does not exist (months are 01 to 12)',
  notPeriodLike: '"{value}" is not a period like 2025-11, 2025-Q2, 2025 or 2025-01..2025-02',
  spanOneDotDot: '"{value}" is not a period: a span has exactly one ".."',
  spanBackwards: 'the span "{value}" must end after it starts',
  fiscalYear: '"{value}" looks like a fiscal or split year; the app reads calendar years',
  monthNotEnglish: '"{value}" does not name a month in English (January, Jan, Sept…)',
  dayOrMonth: '"{value}" could be read day/month or month/day, so it is not guessed',
  monthsSummed: '"{value}" sums several months (a year-to-date figure), not one period: leave these rows out',
  twoDigitYear: '"{value}" has a two-digit year, which could be read more than one way',
  unreadablePeriod: '"{value}" is not a period the app can read',
  raggedRow:
    'the row has {found} values but the header row names {expected} columns. Rows must all have the same number of values.',
  lineTooLong: 'is longer than the app accepts ({size} MB): this is not a table the app can read.',
  someLineTooLong: 'a line is longer than the app accepts ({size} MB): this is not a table the app can read.',
  invalidUtf8:
    'the text is not valid UTF-8 although the start of the file was. Save the file as UTF-8 and try again.',
  unclosedQuote: 'a quoted value is never closed (a " is missing).',

  // JSON and data packages.
  jsonUnreadable: 'could not be read as JSON.',
  gzipJsonUnreadable: 'could not be read as gzip-compressed JSON.',
  jsonTooDeep:
    'nests its data more than {limit} levels deep, which no table of statistics needs; it was not read further.',
  jsonInvalid: 'is not valid JSON.',
  jsonInvalidAt: 'is not valid JSON: at byte {byte}, {problem}.',
  // What the JSON reader found there, in plain words (never its own wording).
  jsonCutShort: 'the text ends before its last value is closed (it may be cut short)',
  jsonBadCharacter: 'there is a character JSON does not allow',
  jsonBadValue: 'there is a value JSON does not allow',
  packageTooLarge: 'is too large for a data package descriptor.',
  packageNoResources: 'is a data package without resources.',
  packageNoData: 'is a data package with no CSV, Parquet or JSON resource.',
  packageOutside:
    '{resource} points outside the package folder ({path}); the app only reads files beside datapackage.json.',
  packageLinkOutside: '{resource} points outside the package folder ({path}).',
  packageFileMissing: '{resource}: the file {path} is missing.',

  // Workbooks and archives.
  workbookUnreadable:
    'is an Excel workbook that cannot be read (it is damaged, encrypted or not an .xlsx file).',
  workbookWithoutTable: 'is an Excel workbook with no sheet holding a table.',
  noSuchSheet: 'has no sheet named {sheet}; its sheets are {sheets}.',
  zipInZip: 'is a ZIP archive inside the archive: unpack the outer archive first.',
  zipWithoutData: 'is a ZIP archive with no CSV, text, Parquet or JSON file in it.',
  zipNoDataFile: 'has no data file named {name}.',
  zipNoMember: 'has no member named {name}.',
  zipUnsafeName:
    'is a ZIP archive with a member whose name points outside the archive (an absolute path or ".."), so it is not opened.',
  zipUnreadable: 'is a ZIP archive that cannot be read (it is damaged or incomplete).',
  zipTooLarge: 'is a ZIP archive that would unpack to {size} GB, more than the {limit} GB the app accepts.',
  zipBomb:
    'is a ZIP archive whose member {name} would unpack to {ratio} times its packed size: that is a ZIP bomb, not a data file, so it is not opened.',
  zipMemberOverflows: 'is a ZIP archive whose member {name} unpacks to more than it declares.',

  // Files the user chose (services/grants.ts).
  notOpenable: 'That is not a file the app can open.',
  fileMissing: '{name} does not exist (any more).',
  notRegularFile: '{name} is not a regular file.',
  unknownFileId:
    'The app only opens files you chose (Open file…, drag and drop, or Open with); this file id is unknown.',

  // Snapshots: opening, saving, exporting.
  notAFile: '{name} is not a file.',
  snapshotTooLarge:
    '{name} is {size} MB: a snapshot file is at most {limit} MB, so this is not one (it was not read).',
  snapshotNotUtf8: '{name} is not a snapshot: it is not UTF-8 text.',
  snapshotCannotOpen: 'This snapshot cannot be opened: {why}',
  snapshotCannotSave: 'This snapshot cannot be saved: {why}',
  noteCannotSave: 'This note cannot be saved: {why}',
  snapshotNotJson: 'it is not valid JSON (cut short or damaged).',
  snapshotNotObject: 'it is not a snapshot file (no JSON object inside).',
  snapshotOtherFormat:
    'it is not a China Trade Explorer snapshot (the "format" field is missing or different).',
  snapshotNoVersion: 'it has no "formatVersion".',
  snapshotBadVersion: 'its "formatVersion" is not a version number.',
  snapshotNewer:
    'it was saved by a newer version of the app (format {version}); this version reads formats up to {latest}. Update the app to open it.',
  snapshotUnknownFormat: 'format {version} is not one this version can read.',
  // What in the document is not a snapshot's: the field as the file names it (numbers.series.0.label).
  fieldInvalid: 'its field {field} does not hold what it should.',
  fieldMissing: 'its field {field} is missing.',
  fieldExpected: 'its field {field} should hold {expected}.',
  fieldRefused: 'its field {field}: {problem}.',
  fieldsUnknown: 'it holds fields it should not: {fields}.',
  snapshotContentInvalid: 'its content is not what a snapshot holds.',
  snapshotV0Invalid: 'it looks like a format 0 snapshot, but {problem}',
  // What a field should hold (the {expected} of fieldExpected), from the schema's check.
  expectText: 'text',
  expectNumber: 'a number',
  expectFiniteNumber: 'a finite number',
  expectWholeNumber: 'a whole number',
  expectTrueFalse: 'true or false',
  expectList: 'a list',
  expectFields: 'a group of fields',
  expectOneOf: 'one of {values}',
  expectForm: 'text in the form this field takes',
  expectNonEmptyText: 'text that is not empty',
  expectNonEmptyList: 'a list that is not empty',
  expectAtLeastChars: 'at least {n} characters',
  expectAtMostChars: 'at most {n} characters',
  expectAtLeastItems: 'at least {n} items',
  expectAtMostItems: 'at most {n} items',
  expectNoLess: 'a number no less than {n}',
  expectNoMore: 'a number no more than {n}',
  expectTag: 'letters, digits, spaces, dots, dashes and underscores, first a letter or a digit',
  expectCursor: 'letters, digits, - and _ only, as the previous page gave it',
  expectNoTags: 'plain text, without HTML tags',
  expectNoControl: 'text without control characters',
  snapshotViewUnreadable: 'its view cannot be read.',
  snapshotNotDocument: 'it is not a snapshot document.',
  snapshotViewNotV1: 'its view is not one a format 1 snapshot holds.',
  snapshotEmbeddedNotObject: 'its embedded data is not an object.',
  snapshotGone: 'There is no such snapshot (it was deleted).',
  snapshotQuarantined: 'The snapshot file {file} could not be read, so it was moved to {place}: {why}',
  // Why a file the app keeps (a snapshot, the notes, the session) was set aside before it was read.
  storedTooLarge: 'it is {size} MB, more than the {limit} MB such a file may be.',
  storedNotFile: 'it is not a regular file.',
  storedNotUtf8: 'it is not UTF-8 text.',

  // A view string (pasted, or in the address): the setting named as the string writes it (flows, from).
  viewStringTooLong: 'A view string is at most {limit} characters.',
  viewStringUnknownSetting: 'Unknown setting "{name}" in the view string.',
  viewStringInvalid: 'The view string is not valid: its setting {name} is not one the app can show.',

  // The bundled data's packages (catalog.ts), refused when the app starts; the page names the package.
  // The bundled series (services/query.ts): the choice named by the page, a series by its catalogue name.
  severalSeries: 'Several series match this choice: {series}. Choose one of them by name.',
  noObservation: 'Dataset "{dataset}" has no figure of the series {series}.',
  noObservationFor: 'Dataset "{dataset}" has no figure of the series {series} for {period}.',
  sourceNotListed:
    "A figure names a source ({id}) that the app's data does not list. Installing the app again restores the data.",
  packageUnexpected: 'Something in it is not what the app expects. Installing the app again restores it.',
  noCatalogDataset: 'There is no dataset called "{id}" in the catalog.',
  dataFolderUnreadable: "The app's data folder cannot be read. Installing the app again restores it.",
  packageNotJson: 'is not valid JSON.',
  packageFieldInvalid: 'the field {field} is missing or not what a data package holds there.',
  packageAlreadyLoaded: 'a dataset called "{name}" is already loaded.',
  resourceUnknownColumns: 'The resource "{resource}" has columns the app does not understand.',
  packageOneSources: 'A package needs exactly one sources resource.',
  packageNoObservations: 'The package has no observations.',
  findingUnknownSource: 'A quality finding names a source that is not in sources.csv ({id}).',
  findingMalformed: 'quality.csv has a malformed finding for {period}.',
  headerNotSchema: 'the header row "{header}" does not match the package schema ({fields}).',
  packageCsvUnreadable:
    'a value does not fit its column in the package schema (a number, true or false, or a whole count where the schema says so), or a row is cut short.',
  observationsUnknownSource:
    '{count} observations name a source that is not in sources.csv (e.g. {example}).',
  sourcesUntitled: '{count} sources have no title or URL.',
  preferredNotOne: '{count} series periods do not have exactly one preferred value (e.g. {example}).',
  packageFileUnreadable: 'is missing or cannot be read.',
  snapshotOverLimit: 'The snapshot would be larger than {limit} MB.',
  snapshotNotChosen:
    'The app only opens snapshot files you chose (Open snapshot…, a double-click, or drag and drop); this one was not.',
  notSnapshotId: 'That is not a snapshot id.',
  snapshotFilesDesktopOnly: 'Opening snapshot files needs the desktop app.',
  pdfDesktopOnly: 'PDF export needs the desktop app (in a browser, open the print view and print it).',
  pdfNotDrawn:
    "The PDF was not made: the snapshot's print page did not finish drawing in time. Nothing was saved. Try again.",
  exportDesktopOnly: 'Exporting to a file needs the desktop app.',
  exportNotFullPath: 'The export location must be a full path.',
  exportTargetIsFile: '{name} is a file: choose a name for a new folder.',
  exportFolderNotEmpty: '{name} already holds other files: choose a new or empty folder.',

  // Imported datasets: importing, reading, charting.
  noSuchImport: 'There is no imported dataset called "{id}".',
  importingUnavailable: 'Importing files is not available here (no user-data folder).',
  openingFilesDesktopOnly: 'Opening files needs the desktop app.',
  fileNoLongerExists: '{file} no longer exists: it was deleted or moved.',
  alreadyImporting: '{file} is already being imported.',
  importedFrequencies: 'Imported datasets hold monthly, quarterly, annual or year-to-date data.',
  noFrequencyData: 'This dataset has no {frequency} data.',
  monthly: 'monthly',
  quarterly: 'quarterly',
  annual: 'annual',
  yearToDate: 'year-to-date',
  oneReporter: 'Choose one reporter, not a bloc.',
  noReporterData: 'This dataset has no data reported by {reporter}.',
  levelsOnly: 'Imported datasets hold levels only, not {measure}.',
  // The app's own flow and measure codes as words inside a message (flowWord, measureWord).
  flowExports: 'exports',
  flowImports: 'imports',
  flowBalance: 'the trade balance',
  flowTrade: 'total trade',
  measureLevel: 'values',
  measureYoy: 'year-on-year changes',
  measureShare: 'shares',
  noHeadlineFor: 'This dataset has no headline figures for {period}. Choose another month.',
  noHeadline: 'This dataset has no headline figures.',
  noSeriesForChoice:
    'This dataset has no {frequency} {measure} of {flow} for the chosen reporter, partner and product. Choose another partner, product or frequency.',
  noFlowForPeriod: 'This dataset has no {flow} of {reporter} for that period.',
  noFlowOf: 'This dataset has no {flow} of {reporter}.',
  noImportedSeries: 'Dataset "{dataset}" has no {frequency} {flow} for {reporter} with {partner}.',
  noImportedProductSeries:
    'Dataset "{dataset}" has no {frequency} {flow} of {product} for {reporter} with {partner}.',
  datasetDamaged:
    'The stored copy of dataset "{name}" is missing or damaged (a file in the library was removed or changed). Import {file} again to rebuild it. Nothing else was changed.',
  setAside:
    '{file} stopped the data engine when it was last read, so it is set aside and not read again on its own. Choose it again with Open file… to retry.',

  // Products in an imported dataset (services/explore).
  notHsCode: '"{product}" is not an HS product code.',
  noProductsAtDigits: 'This dataset has no products at {digits} digits.',
  noSuchSection: 'This dataset has no such HS section.',
  allProductsFromTotals: 'All products are read from the totals, not from product rows.',
  noProductDetail: 'This dataset has no product detail.',
  sixDigitsFinest: 'Six digits is the finest HS level.',
  nothingToRank: 'This dataset has no monthly, quarterly or annual data to rank.',

  // The data engine (engine/supervisor.ts) and the page's own bridge to it.
  engineStoppedReading:
    'The data engine stopped while reading {file}. Nothing was changed. The engine has restarted, and this file is set aside: choose it again with Open file… to retry.',
  engineStopped: 'The data engine stopped while answering. Nothing was changed. It has restarted: try again.',
  engineStoppedRepeatedly: 'The data engine stopped repeatedly and was not restarted again. Restart the app.',
  engineClosed: 'The data engine is closed.',
  appClosing: 'The app is closing.',
  noUserData: 'Notes and snapshots need a user-data folder, and this run has none.',
  bridgeMissing: 'The app cannot reach its data: the bridge to the main process is missing.',
  seriesUnanswered: 'The data engine left a series unanswered.',
  dataUnopenable: 'The app could not open its data. Restart the app and try again.',
  engineNotStarted: 'The data engine has not started. Restart the app.',
  // A request from the page to the app's data side that the app refused before answering it
  // (dispatch.ts, main/ipc.ts, web/server.ts, engine/child.ts).
  unknownRequest: 'The app does not know this request, so it was refused. Restart the app and try again.',
  requestRefused: 'This request was refused: {why}',
  requestForm: 'it is not in the form the app sends.',
  requestTooLarge: 'This request is larger than the {limit} KB the app accepts, so it was refused.',
  requestNotFromApp: 'This request did not come from the app window, so it was refused.',
  unexpectedFailure:
    'Something went wrong that the app did not expect, so this was not done. Try again, and restart the app if it happens again.',
  // The web transport (web/server.ts, web/shim.ts): the app in a browser, served from this computer.
  localServerKey:
    'This page did not give the local server its access key (the address is not the one the server printed, or the server was restarted). Open the address the server printed when it started.',
  localServerFailed: 'The local server could not answer this request. Try again.',
  localServerUnreachable: 'The local server did not answer. Is it still running?',
  listTooLong: 'The list is too long to show: more than {count} items.',

  // Notes, and lists read page by page.
  tooManyNotes: 'There are already {limit} notes: delete some before adding more.',
  snapshotNotesOverLimit: "The snapshot's notes would make more than {limit} notes.",
  cursorDamaged:
    'This page cursor is not one the app handed out (it is damaged or made up). Ask for the list again from its first page.',
  cursorOtherList:
    'This page cursor belongs to another list, or the list has changed since its first page was read (a file was imported or deleted). Ask for it again from its first page.',

  // What the desktop app's main process shows itself (main/wording.ts): the application menu, its
  // dialogs and the start-up error box, in the language the page uses. Chinese: shared/desktopMessages.ts.
  menuAbout: 'About {app}',
  menuServices: 'Services',
  menuHide: 'Hide {app}',
  menuHideOthers: 'Hide Others',
  menuUnhide: 'Show All',
  menuQuit: 'Quit {app}',
  menuExit: 'Exit',
  menuClose: 'Close Window',
  menuFile: 'File',
  menuOpenDataFile: 'Open Data File…',
  menuOpenSnapshot: 'Open Snapshot…',
  menuOpenRecent: 'Open Recent',
  menuNoRecent: 'No Recent Files',
  menuClearRecent: 'Clear Recent',
  menuSaveSnapshot: 'Save Snapshot',
  menuExport: 'Export…',
  menuEdit: 'Edit',
  menuUndo: 'Undo',
  menuRedo: 'Redo',
  menuCut: 'Cut',
  menuCopy: 'Copy',
  menuPaste: 'Paste',
  menuPasteAndMatchStyle: 'Paste and Match Style',
  menuDelete: 'Delete',
  menuSelectAll: 'Select All',
  menuView: 'View',
  menuToggleTheme: 'Toggle Light/Dark Theme',
  menuReload: 'Reload',
  menuForceReload: 'Force Reload',
  menuToggleDevTools: 'Toggle Developer Tools',
  menuResetZoom: 'Actual Size',
  menuZoomIn: 'Zoom In',
  menuZoomOut: 'Zoom Out',
  menuFullScreen: 'Toggle Full Screen',
  menuWindow: 'Window',
  menuMinimize: 'Minimize',
  menuZoom: 'Zoom',
  menuFront: 'Bring All to Front',
  menuHelp: 'Help',
  menuShortcuts: 'Keyboard Shortcuts',
  menuDataSources: 'Data Sources',
  dialogOpenDataFile: 'Open a trade data file',
  filterTradeData: 'Trade data (CSV, TSV, gzip, Parquet, JSON)',
  filterAllFiles: 'All files',
  dialogOpenSnapshot: 'Open a snapshot',
  filterSnapshot: 'China Trade Explorer snapshot',
  filterPdf: 'PDF document',
  dialogSaveSnapshot: 'Save the snapshot file',
  dialogExportPdf: 'Export the snapshot as PDF',
  dialogExportFolder: 'Export the snapshot as a folder (CSV, README, PNG)',
  linkTitle: 'Open link',
  linkQuestion: 'Open this link in your web browser?',
  linkOpen: 'Open in browser',
  linkCancel: 'Cancel',
  startFailedTitle: '{app} could not start',
  // What failed is in the log: its own words may name a folder of the user's or be a library's.
  startFailed:
    'Something went wrong while the app was starting, so it will close now. Start it again; if this happens again, install the app again.',
} as const

export const messageIds = /* @__PURE__ */ Object.keys(serviceMessages) as MessageId[]

/** "1042" → "1 042": the grouping the line numbers of English refusals use, readable in every locale. */
export function groupDigits(n: number): string {
  return String(n).replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ' '))
}

/**
 * A message in English: its template, each slot filled in. Numbers are written plainly, except a
 * parameter named `line`, a line number, grouped as in "line 1 042".
 */
export function english(said: Said): string {
  const template: string = serviceMessages[said.id] ?? said.id
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = said.params?.[name]
    if (value === undefined) return slot
    return typeof value === 'number' && name === 'line' ? groupDigits(value) : englishParam(value)
  })
}

/** A parameter as the English text writes it (also main's Chinese texts: main/wording.ts). */
export function englishParam(value: ParamValue): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if ('period' in value) return value.period
  if ('list' in value) return value.list.join(', ')
  return english(value)
}

/** `book.csv: …` — a refusal about a named file (or part of one), nesting the detail's own message. */
const FLOW_WORDS: Readonly<Record<string, MessageId>> = {
  exports: 'flowExports',
  imports: 'flowImports',
  balance: 'flowBalance',
  trade: 'flowTrade',
}
const MEASURE_WORDS: Readonly<Record<string, MessageId>> = {
  level: 'measureLevel',
  yoy: 'measureYoy',
  share: 'measureShare',
}
/** A flow code the app knows, as a word the page puts in its language; any other (a file's own) as written. */
export const flowWord = (flow: string): Said | string => {
  const id = FLOW_WORDS[flow]
  return id ? { id } : flow
}
/** A measure code as a word the page puts in its language. */
export const measureWord = (measure: string): Said | string => {
  const id = MEASURE_WORDS[measure]
  return id ? { id } : measure
}

export const inFile = (file: string, detail: Said | string): Said => say('inFile', { file, detail })
