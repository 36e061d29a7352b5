/** The application menu, in Chinese. Only items that work; no placeholders for later features. */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  openDataFolder(): void;
  showAbout(): void;
  /** Developer tools only in an unpackaged build. */
  devTools: boolean;
}

export function buildAppMenuTemplate(actions: AppMenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (actions.devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [{ label: '关于社工站台账', click: () => actions.showAbout() }],
    },
  ];
}
