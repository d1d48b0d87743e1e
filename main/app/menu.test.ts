import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu.js';

const items = (m: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  m.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);

describe('menuTemplate', () => {
  it('has 文件/编辑/视图/帮助 with Chinese labels', () => {
    const m = menuTemplate({ isPackaged: false, onAbout: () => {} });
    expect(m.map((i) => i.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const i of items(m)) if (i.type !== 'separator') expect(i.label).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(items(m).map((i) => i.label)).toContain('重新加载');
  });

  it('offers developer tools only in a development run', () => {
    const roles = (isPackaged: boolean) => items(menuTemplate({ isPackaged, onAbout: () => {} })).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('关于案卷 calls back', () => {
    const onAbout = vi.fn();
    const about = items(menuTemplate({ isPackaged: true, onAbout })).find((i) => i.label === '关于案卷');
    (about!.click as () => void)();
    expect(onAbout).toHaveBeenCalled();
  });
});
