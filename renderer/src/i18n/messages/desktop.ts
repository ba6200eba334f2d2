/** The app shell's desktop features: commands, theme, keyboard shortcuts, About. */
export default {
  en: {
    desktop: {
      commands: {
        openDataFile: 'Open data file…',
        openSnapshot: 'Open snapshot…',
        saveSnapshot: 'Save snapshot',
        export: 'Export…',
        toggleTheme: 'Toggle light/dark theme',
        showShortcuts: 'Keyboard shortcuts',
        showDataSources: 'Data sources',
        about: 'About China Trade Explorer',
      },
      notice: {
        noImport: 'Importing data files is not available yet.',
        dismiss: 'Dismiss',
      },
      toolbar: {
        label: 'App commands',
        theme: 'Theme',
        themeSystem: 'System',
        language: 'Language',
        languageSystem: 'System language',
        languageNames: { en: 'English', 'zh-CN': '简体中文' },
        themeLight: 'Light',
        themeDark: 'Dark',
        shortcuts: 'Keyboard shortcuts (?)',
        about: 'About',
      },
      shortcuts: {
        title: 'Keyboard shortcuts',
        close: 'Close',
        showThis: 'Show this list',
        closeOverlay: 'Close this list',
        inMenu: 'In the desktop app these also work from the menus.',
      },
      about: {
        title: 'About China Trade Explorer',
        version: 'Version {version}',
        offline:
          'The app works entirely offline: it never checks for updates, sends telemetry or loads anything from the web.',
        dataLicences: 'Data',
        dataLicenceText:
          'The bundled data packages and their licences are listed under Datasets; every figure names its source.',
        softwareLicences: 'Open-source software in this app',
        licenceCount: '{count} packages',
        electron:
          'The desktop app also ships Electron and Chromium; their licences are in the LICENSES.chromium.html file beside the app.',
        loadFailed: 'The licence list could not be read: {message}',
        licenceText: 'Licence text',
        licenceMissing:
          'Its licence text is missing: the package was published without a licence file. Its package.json names the licence {license}.',
      },
    },
  },
  'zh-CN': {
    desktop: {
      commands: {
        openDataFile: '打开数据文件…',
        openSnapshot: '打开快照…',
        saveSnapshot: '保存快照',
        export: '导出…',
        toggleTheme: '切换浅色/深色主题',
        showShortcuts: '键盘快捷键',
        showDataSources: '数据来源',
        about: '关于中国贸易数据浏览器',
      },
      notice: {
        noImport: '导入数据文件功能暂不可用。',
        dismiss: '关闭',
      },
      toolbar: {
        label: '应用命令',
        theme: '主题',
        themeSystem: '跟随系统',
        language: '语言',
        languageSystem: '跟随系统语言',
        languageNames: { en: 'English', 'zh-CN': '简体中文' },
        themeLight: '浅色',
        themeDark: '深色',
        shortcuts: '键盘快捷键（?）',
        about: '关于',
      },
      shortcuts: {
        title: '键盘快捷键',
        close: '关闭',
        showThis: '显示此列表',
        closeOverlay: '关闭此列表',
        inMenu: '在桌面应用中，这些命令也可从菜单使用。',
      },
      about: {
        title: '关于中国贸易数据浏览器',
        version: '版本 {version}',
        offline: '本应用完全离线运行：从不检查更新、不发送遥测数据，也不从网络加载任何内容。',
        dataLicences: '数据',
        dataLicenceText: '内置数据包及其许可证列在“数据集”页面；每个数字都注明来源。',
        softwareLicences: '本应用使用的开源软件',
        licenceCount: '{count} 个软件包',
        electron: '桌面应用还包含 Electron 和 Chromium，其许可证见应用目录中的 LICENSES.chromium.html 文件。',
        loadFailed: '无法读取许可证列表：{message}',
        licenceText: '许可证全文',
        licenceMissing:
          '缺少许可证全文：该软件包发布时未附带许可证文件。其 package.json 写明的许可证为 {license}。',
      },
    },
  },
}
