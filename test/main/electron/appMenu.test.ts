import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate } from '../../../src/main/electron/appMenu';

function items(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const submenu = menu.find((m) => m.label === label)?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no submenu ${label}`);
  return submenu;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has 文件, 编辑, 视图 and 帮助, every item labelled in Chinese', () => {
    const menu = buildAppMenuTemplate({ openDataFolder: vi.fn(), showAbout: vi.fn(), devTools: false });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const top of menu) {
      for (const item of items(menu, top.label ?? '')) {
        if (item.type === 'separator') continue;
        expect(item.label).toMatch(/[\u4e00-\u9fff]/);
        // Every item does something: a built-in role or a click handler.
        expect(item.role !== undefined || typeof item.click === 'function').toBe(true);
      }
    }
  });

  it('opens the data folder and the about panel', () => {
    const actions = { openDataFolder: vi.fn(), showAbout: vi.fn(), devTools: false };
    const menu = buildAppMenuTemplate(actions);
    click(items(menu, '文件').find((i) => i.label === '打开数据文件夹'));
    click(items(menu, '帮助').find((i) => i.label === '关于社工站台账'));
    expect(actions.openDataFolder).toHaveBeenCalledTimes(1);
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
    expect(items(menu, '文件').at(-1)).toMatchObject({ role: 'quit', label: '退出' });
  });

  it('offers developer tools only in an unpackaged build', () => {
    const roles = (devTools: boolean) => items(buildAppMenuTemplate({ openDataFolder: vi.fn(), showAbout: vi.fn(), devTools }), '视图').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
