import { describe, expect, it, vi } from 'vitest';
import type { UpdateShellStatus } from '#common/schemas/updates.js';
import { createUpdatePort } from '#core/updateLink.js';
import { createShellUpdateWire } from './updateWire.js';

const status: UpdateShellStatus = {
  version: '0.1.0',
  previousVersion: null,
  source: '文件夹 D:\\案卷更新',
  state: 'up-to-date',
  message: '已是最新版本（0.1.0）',
  availableVersion: null,
  downloadedVersion: null,
  lastCheckAt: null,
  failedStarts: 0,
  rollbackAdvice: null,
};

/** The shell's wire and the core's port, joined as the utilityProcess port joins them. */
function joined(readSource: () => Promise<string | null>) {
  let core: ReturnType<typeof createUpdatePort> | null = null;
  let coreUp = true;
  const shell = createShellUpdateWire((m) => {
    if (!coreUp) return false;
    queueMicrotask(() => core!.deliver(structuredClone(m)));
    return true;
  }, vi.fn());
  core = createUpdatePort((m) => queueMicrotask(() => shell.deliver(structuredClone(m))), readSource);
  return {
    shell,
    core,
    down: () => {
      coreUp = false;
    },
  };
}

describe('shell ↔ core updater wire', () => {
  it('the shell asks for the location of 本局设置; the core answers', async () => {
    const { shell } = joined(async () => 'E:\\案卷更新');
    await expect(shell.askSource()).resolves.toBe('E:\\案卷更新');
  });

  it('without an answer the last one stands (a core restarting), null at first', async () => {
    const w = joined(async () => '/media/usb/anjuan');
    await expect(w.shell.askSource()).resolves.toBe('/media/usb/anjuan');
    w.down();
    await expect(w.shell.askSource(20)).resolves.toBe('/media/usb/anjuan');
    const silent = createShellUpdateWire(() => true, vi.fn());
    await expect(silent.askSource(20)).resolves.toBeNull();
  });

  it('a check asked by the core runs in the shell and its result comes back; states are pushed', async () => {
    const { shell, core } = joined(async () => null);
    const check = vi.fn(async () => ({ ...status, state: 'downloading' as const, availableVersion: '0.2.0' }));
    shell.setChecker(check);
    await expect(core.link.check()).resolves.toMatchObject({ state: 'downloading', availableVersion: '0.2.0' });
    expect(check).toHaveBeenCalledTimes(1);
    shell.pushStatus({ ...status, state: 'downloaded', downloadedVersion: '0.2.0' });
    await vi.waitFor(() => expect(core.link.status()).toMatchObject({ state: 'downloaded' }));
  });

  it('leaves every other message alone', () => {
    const shell = createShellUpdateWire(() => true, vi.fn());
    expect(shell.deliver({ id: 3, reply: { ok: true, value: 1 } })).toBe(false);
    expect(shell.deliver({ pdfRender: { id: 1 } })).toBe(false);
    expect(shell.deliver(null)).toBe(false);
  });
});
