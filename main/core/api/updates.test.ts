/**
 * 软件更新 in 本局设置: the feed location is a bureau setting a head (or the administrator)
 * sets; the desktop app's shell asks the core for it before every check, and a check on demand goes
 * through the core to the shell. The web host and the CLI have no updater.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateShellStatus } from '#common/schemas/updates.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { createUpdatePort } from '../updateLink.js';
import { updateFeedLocation, updateSourceSetting } from '#core/application/settings.js';
import { SyncStore } from '#core/store/syncStore.js';

let cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(cores.map((c) => c.close()));
  cores = [];
});

const status = (over: Partial<UpdateShellStatus> = {}): UpdateShellStatus => ({
  version: '0.1.0',
  previousVersion: null,
  source: '文件夹 D:\\案卷更新',
  state: 'up-to-date',
  message: '已是最新版本',
  availableVersion: null,
  downloadedVersion: null,
  lastCheckAt: '2026-12-07T08:00:00.000Z',
  failedStarts: 0,
  rollbackAdvice: null,
  ...over,
});

/** A core wired to a stand-in shell: what the core posted, and the port's deliver for the shell's answers. */
async function desktopCore() {
  const posted: unknown[] = [];
  let core: TestCore | null = null;
  const port = createUpdatePort(
    (m) => posted.push(m),
    async () => updateSourceSetting(core!.core.services),
  );
  core = await createTestCore({ core: { updateLink: port.link } });
  cores.push(core);
  return { t: core, port, posted };
}

describe('updates.setSource / updates.get', () => {
  it('a head stores a folder or an address; empty returns to the built-in feed', async () => {
    const t = await createTestCore();
    cores.push(t);
    const head = await t.login('head');
    expect(await t.call(head, 'updates.get', {})).toEqual({ source: null, desktop: false, status: null });
    expect((await t.call(head, 'updates.setSource', { source: '  \\\\fileserver\\共享\\anjuan ' })).source).toBe(
      '\\\\fileserver\\共享\\anjuan',
    );
    expect((await t.call(head, 'updates.get', {})).source).toBe('\\\\fileserver\\共享\\anjuan');
    expect((await t.call(head, 'updates.setSource', { source: 'http://192.168.1.20/anjuan' })).source).toBe(
      'http://192.168.1.20/anjuan/',
    );
    expect((await t.call(head, 'updates.setSource', { source: '' })).source).toBeNull();
  });

  it('refuses a bad location in Chinese, naming the field, and keeps the old one', async () => {
    const t = await createTestCore();
    cores.push(t);
    const head = await t.login('head');
    await t.call(head, 'updates.setSource', { source: 'D:\\案卷更新' });
    const e = await expectFailure(t.call(head, 'updates.setSource', { source: 'ftp://server/anjuan' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/只能以 http:\/\/ 或 https:\/\/ 开头；设置未修改/);
    expect(e.details).toEqual([{ path: ['source'], message: expect.any(String) }]);
    expect((await t.call(head, 'updates.get', {})).source).toBe('D:\\案卷更新');
  });

  it("takes 省级服务器 once the workstation is enrolled, and the shell then reads the server's /updates/", async () => {
    const t = await createTestCore();
    cores.push(t);
    const head = await t.login('head');
    await t.call(head, 'updates.setSource', { source: 'D:\\案卷更新' });
    const e = await expectFailure(t.call(head, 'updates.setSource', { source: '省级服务器' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/尚未登记到省级服务器.*设置未修改/);
    expect((await t.call(head, 'updates.get', {})).source).toBe('D:\\案卷更新');
    new SyncStore(t.core.services.db).enrol({
      serverUrl: 'https://anjuan.sthjt.guizhou.gov.cn/',
      deviceId: 'dev-1',
      deviceName: '执法一科工作站',
      credential: 'c'.repeat(64),
      bureauId: '520102',
      bureauName: '贵阳市生态环境局南明区分局',
      enrolledAt: '2026-12-07T08:00:00.000Z',
      enrolledBy: 'admin',
    });
    expect((await t.call(head, 'updates.setSource', { source: ' 省级服务器 ' })).source).toBe('省级服务器');
    expect((await t.call(head, 'updates.get', {})).source).toBe('省级服务器');
    expect(updateFeedLocation(t.core.services)).toBe('https://anjuan.sthjt.guizhou.gov.cn/updates/');
  });

  it('only a head or the administrator may change it or check; everyone may look', async () => {
    const t = await createTestCore();
    cores.push(t);
    const officer = await t.login('officer');
    expect((await expectFailure(t.call(officer, 'updates.setSource', { source: 'D:\\x' }))).code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect((await expectFailure(t.call(officer, 'updates.check', {}))).code).toBe('FORBIDDEN_ROLE');
    await expect(t.call(officer, 'updates.get', {})).resolves.toMatchObject({ desktop: false });
    const admin = await t.login('admin');
    await expect(t.call(admin, 'updates.setSource', { source: 'D:\\x' })).resolves.toMatchObject({ source: 'D:\\x' });
  });

  it('outside the desktop app a check is refused with UPDATE_UNAVAILABLE', async () => {
    const t = await createTestCore();
    cores.push(t);
    const e = await expectFailure(t.call(await t.login('head'), 'updates.check', {}));
    expect(e).toMatchObject({ code: 'UPDATE_UNAVAILABLE', message: expect.stringContaining('桌面程序') });
  });
});

describe('the link to the desktop app', () => {
  it("answers the shell's question with the stored location", async () => {
    const { t, port, posted } = await desktopCore();
    await t.call(await t.login('head'), 'updates.setSource', { source: '/media/uos/U盘/anjuan' });
    expect(port.deliver({ updateSourceQuery: { id: 7 } })).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(posted).toContainEqual({ updateSourceAnswer: { id: 7, source: '/media/uos/U盘/anjuan' } });
  });

  it("shows the state the shell reports, and a check on demand waits for the shell's answer", async () => {
    const { t, port, posted } = await desktopCore();
    const head = await t.login('head');
    expect(port.deliver({ updateStatus: status({ state: 'idle', message: '尚未检查' }) })).toBe(true);
    expect(await t.call(head, 'updates.get', {})).toMatchObject({ desktop: true, status: { state: 'idle' } });
    const checking = t.call(head, 'updates.check', {});
    await new Promise((r) => setTimeout(r, 10));
    const ask = posted.find((m) => typeof m === 'object' && m !== null && 'updateCheck' in m) as {
      updateCheck: { id: number };
    };
    expect(ask).toBeDefined();
    port.deliver({
      updateChecked: {
        id: ask.updateCheck.id,
        status: status({ state: 'downloading', availableVersion: '0.2.0', message: '正在下载新版本 0.2.0' }),
      },
    });
    expect((await checking).status).toMatchObject({ state: 'downloading', availableVersion: '0.2.0' });
  });

  it('ignores what is not its own, and a malformed status', () => {
    const port = createUpdatePort(
      () => undefined,
      async () => null,
    );
    expect(port.deliver({ id: 1, envelope: { op: 'app.info' } })).toBe(false);
    expect(port.deliver({ pdfRendered: { id: 1 } })).toBe(false);
    expect(port.deliver({ updateStatus: { state: 'hacked' } })).toBe(true);
    expect(port.link.status()).toBeNull();
  });

  it('a shell that never answers a check gives a Chinese time-out', async () => {
    const port = createUpdatePort(
      () => undefined,
      async () => null,
    );
    await expect(port.link.check(20)).rejects.toMatchObject({
      code: 'UPDATE_UNAVAILABLE',
      message: expect.stringMatching(/^检查更新超时/),
    });
  });
});
