/** Notes, snapshots and the autosaved session. */
export default {
  en: {
    notes: {
      nav: 'Notes',
      title: 'Notes',
      add: 'Add note',
      clickHint: 'Or click a point on the chart to write a note there.',
      onChart: 'on the chart',
      flagged: 'numbers changed',
      edit: 'Edit',
      delete: 'Delete',
      deleted: 'Note deleted.',
      created: 'Note added.',
      edited: 'Note changed.',
      undo: 'Undo',
      search: 'Search notes',
      dataset: 'Dataset',
      tag: 'Tag',
      all: 'All',
      none: 'No notes yet. In the Explorer, click a point on the chart or use “Add note”.',
      noMatch: 'No note matches.',
      kinds: { point: 'This point', range: 'A range of periods', series: 'The series', view: 'The whole view', dataset: 'The dataset' },
      editor: {
        newTitle: 'New note',
        editTitle: 'Edit note',
        attachTo: 'Attach to',
        attachedTo: 'Attached to {target}',
        series: 'Series',
        period: 'Period',
        from: 'From',
        to: 'To',
        value: 'The value shown here: {value} ({unit}). If the data changes, the note is flagged.',
        text: 'Note (Markdown)',
        placeholder: 'What happened here, and why it matters. **Markdown** works; HTML is shown as text.',
        preview: 'Preview',
        tags: 'Tags',
        tagsHint: 'comma-separated, e.g. tariffs, US',
        cancel: 'Cancel',
        save: 'Save note'
      },
      save: {
        open: 'Save snapshot',
        title: 'Save a snapshot',
        name: 'Title',
        calculators: 'Include the calculators (inputs, outputs and scenarios)',
        hint: 'A snapshot keeps this view exactly: the numbers with their sources, the notes shown and the chart image. Reopen it from Snapshots, or send the .ctesnap file.',
        run: 'Save',
        done: 'Saved “{title}”. It is on the Snapshots page.'
      },
      snapshot: {
        openFailed: 'The snapshot could not be opened. {message}',
        showing: 'Showing the snapshot “{title}”, saved {date}.',
        migrated: '(It was saved in the older format {from} and has been read as the current one.)',
        datasetMissing: 'The dataset {dataset} is no longer in the library: the numbers below are those of the snapshot.',
        versionChanged: 'The data has changed since this snapshot: {dataset} was version {saved}, the library now has {current}.',
        valuesChanged: '{n} value(s) shown differ from today’s data (then and now side by side); notes on them are flagged.',
        series: 'Series',
        period: 'Period',
        then: 'In the snapshot',
        now: 'Now',
        valuesSame: 'Every value in the snapshot is the same in today’s data.',
        added: '({n} newer value(s) have been published since.)'
      },
      snapshots: {
        nav: 'Snapshots',
        title: 'Snapshots',
        hint: 'Saved views with their notes, numbers and sources. Open one to see it exactly as it was saved, and what has changed since.',
        exported: 'Exported {name}: {files}.',
        none: 'No snapshots yet. In the Explorer, use “Save snapshot” (Ctrl+S).',
        thumbnail: 'Chart of “{title}”',
        counts: '{notes} note(s), {series} series',
        open: 'Open',
        folder: 'Folder (CSV, README, PNG)',
        print: 'Print view',
        confirmDelete: 'Delete for good'
      },
      storage: {
        restored: '{file} could not be read; it was moved to {where} and its previous version was loaded. ({more} more)',
        quarantined: '{file} could not be read; it was moved to {where}. Everything else loaded. ({more} more)',
        leftOut: '{file} could not be read and was moved to {where}.',
        newer: '{file} was saved by a newer version of the app and is left as it is.'
      },
      session: {
        draftRecovered: 'A note you were writing when the app closed was kept.',
        resume: 'Continue writing',
        discard: 'Discard'
      },
      print: { print: 'Print…', saved: 'Saved {date} (UTC) with China Trade Explorer {version}', numbers: 'The numbers shown' }
    }
  },
  'zh-CN': {
    notes: {
      nav: '笔记',
      title: '笔记',
      add: '添加笔记',
      clickHint: '也可以点击图表上的数据点，在该处写笔记。',
      onChart: '已标注在图上',
      flagged: '数字已变化',
      edit: '编辑',
      delete: '删除',
      deleted: '笔记已删除。',
      created: '笔记已添加。',
      edited: '笔记已修改。',
      undo: '撤销',
      search: '搜索笔记',
      dataset: '数据集',
      tag: '标签',
      all: '全部',
      none: '还没有笔记。在“浏览”页面点击图表上的数据点，或使用“添加笔记”。',
      noMatch: '没有符合条件的笔记。',
      kinds: { point: '此数据点', range: '一段时期', series: '整个序列', view: '整个视图', dataset: '数据集' },
      editor: {
        newTitle: '新笔记',
        editTitle: '编辑笔记',
        attachTo: '关联到',
        attachedTo: '关联到 {target}',
        series: '序列',
        period: '时期',
        from: '从',
        to: '到',
        value: '此处显示的数值：{value}（{unit}）。如数据变化，该笔记会被标记。',
        text: '笔记（Markdown）',
        placeholder: '这里发生了什么，为什么重要。支持 **Markdown**；HTML 按文本显示。',
        preview: '预览',
        tags: '标签',
        tagsHint: '用逗号分隔，例如：关税, 美国',
        cancel: '取消',
        save: '保存笔记'
      },
      save: {
        open: '保存快照',
        title: '保存快照',
        name: '标题',
        calculators: '包括计算器（输入、结果和情景）',
        hint: '快照会完整保存此视图：数值及其来源、显示的笔记和图表图像。可在“快照”页面重新打开，或发送 .ctesnap 文件。',
        run: '保存',
        done: '已保存“{title}”，可在“快照”页面找到。'
      },
      snapshot: {
        openFailed: '无法打开快照。{message}',
        showing: '正在显示快照“{title}”，保存于 {date}。',
        migrated: '（该快照以旧格式 {from} 保存，已按当前格式读取。）',
        datasetMissing: '数据集 {dataset} 已不在数据库中：下面的数值来自快照。',
        versionChanged: '自保存快照以来数据已更新：{dataset} 当时为版本 {saved}，现在为 {current}。',
        valuesChanged: '有 {n} 个数值与当前数据不同（并列显示当时与现在）；相关笔记已标记。',
        series: '序列',
        period: '时期',
        then: '快照中',
        now: '现在',
        valuesSame: '快照中的所有数值与当前数据相同。',
        added: '（此后又发布了 {n} 个新数值。）'
      },
      snapshots: {
        nav: '快照',
        title: '快照',
        hint: '保存的视图，包含笔记、数值和来源。打开后可看到保存时的原样，以及此后的变化。',
        exported: '已导出 {name}：{files}。',
        none: '还没有快照。在“浏览”页面使用“保存快照”（Ctrl+S）。',
        thumbnail: '“{title}”的图表',
        counts: '{notes} 条笔记，{series} 个序列',
        open: '打开',
        folder: '文件夹（CSV、README、PNG）',
        print: '打印视图',
        confirmDelete: '永久删除'
      },
      storage: {
        restored: '无法读取 {file}；已移至 {where}，并载入了上一个版本。（另有 {more} 个）',
        quarantined: '无法读取 {file}；已移至 {where}。其他内容均已载入。（另有 {more} 个）',
        leftOut: '无法读取 {file}，已移至 {where}。',
        newer: '{file} 由更新版本的应用保存，保持原样。'
      },
      session: {
        draftRecovered: '应用关闭时您正在写的笔记已保留。',
        resume: '继续写',
        discard: '丢弃'
      },
      print: { print: '打印…', saved: '保存于 {date}（UTC），China Trade Explorer {version}', numbers: '显示的数值' }
    }
  }
}
