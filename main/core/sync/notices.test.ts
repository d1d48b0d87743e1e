/**
 * 通知公告 from the province to a county desk and back, against the real server: the notice and its file
 * arrive at the next sync; they read offline (the server gone); each reader is recorded once, the unread
 * count follows him; his receipt goes up at the following sync and the publisher sees who read it, when.
 * A notice addressed to another prefecture never reaches the desk.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDetail } from '#common/sync/notices.js';
import { addUser, adminToken, userPassword } from '../../../server/testing/fixtures.js';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

const county = '522627'; // 天柱县, in 黔东南州 (522600)
let server: TestServer;
let province: string;
let t: TestCore;
const file = Buffer.from('%PDF-1.4 附件：冬季专项检查要点\n', 'utf8');
let notice: NoticeDetail;
let online = true;

beforeAll(async () => {
  server = await startTestServer();
  province = await adminToken(server);
  await addUser(server, province, county, 'zhang.wei', ['officer'], '贵环执字522627101');
  await addUser(server, province, county, 'yang.head', ['head']);
  t = await createTestCore({
    core: {
      sync: { fetch: (url, init) => (online ? fetch(url, init) : Promise.reject(new TypeError('fetch failed'))) },
    },
  });
  t.clock.set(new Date(Date.now() - 60_000).toISOString()); // readings are stamped by the desk's clock
  await enrolWithServer(t, server, province, '执法一科', `${server.url}/`);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await server?.close();
});

const round = async () => {
  const r = await t.core.services.sync.round();
  expect(r.error).toBeNull();
};

describe('通知公告 from the province to the county desk and back', () => {
  it('arrives with its file at the next sync; another prefecture’s never does', async () => {
    const publish = async (body: unknown) => {
      const r = await server.request<NoticeDetail>('POST', '/api/notices', { token: province, body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    notice = await publish({
      title: '关于开展冬季大气污染防治专项检查的通知',
      body: '各县（市、区）分局：\n请于12月31日前完成辖区重点企业检查，并报送检查情况。',
      audience: ['522600'],
      attachments: [{ name: '检查要点.pdf', type: 'application/pdf', contentBase64: file.toString('base64') }],
    });
    await publish({ title: '贵阳市的通知', body: '仅发贵阳市', audience: ['520100'] });
    await round();
    const status = await t.call(await t.login('admin'), 'sync.status', {});
    expect(status.changes.join('\n')).toContain('收到通知公告1条：《关于开展冬季大气污染防治专项检查的通知》');
    const zhang = await t.login('zhang.wei', userPassword);
    const list = await t.call(zhang, 'notices.list', {});
    expect(list.map((n) => n.title)).toEqual([notice.title]);
    expect(list[0]).toMatchObject({
      publisher: '贵州省生态环境厅',
      readAt: null,
      body: expect.stringContaining('12月31日前'),
    });
    expect(list[0]!.attachments).toEqual([
      {
        sha256: createHash('sha256').update(file).digest('hex'),
        name: '检查要点.pdf',
        size: file.length,
        type: 'application/pdf',
        available: true,
      },
    ]);
    expect(await t.call(zhang, 'notices.unread', {})).toEqual({ unread: 1 });
  });

  it('reads offline; the reader is recorded once; the file opens for any user of the desk', async () => {
    online = false; // the network gone: nothing below needs it
    const zhang = await t.login('zhang.wei', userPassword);
    const first = await t.call(zhang, 'notices.read', { noticeId: notice.id });
    expect(first.readAt).toBe(t.clock.now().toISOString());
    t.clock.set(new Date(Date.now() - 30_000).toISOString());
    const again = await t.call(zhang, 'notices.read', { noticeId: notice.id });
    expect(again.readAt).toBe(first.readAt);
    expect(await t.call(zhang, 'notices.unread', {})).toEqual({ unread: 0 });
    const head = await t.login('yang.head', userPassword);
    expect(await t.call(head, 'notices.unread', {})).toEqual({ unread: 1 });
    const missing = await expectFailure(t.call(zhang, 'notices.read', { noticeId: 'no-such-notice' }));
    expect(missing.message).toContain('没有这条通知公告');
    const opened = await t.core.file({ hash: notice.attachments[0]!.sha256 }, head);
    expect(opened.ok && opened.value.bytes().equals(file)).toBe(true);
    expect(opened.ok && opened.value.mimeType).toBe('application/pdf');
    // A round offline fails and loses nothing: the reading is still to be sent.
    expect((await t.core.services.sync.round()).error).toContain('无法连接同步服务器');
  });

  it('the receipt goes up at the next sync; the publisher sees who read it, when', async () => {
    online = true;
    const before = await server.request<NoticeDetail>('GET', `/api/notices/${notice.id}`, { token: province });
    expect(before.body.bureaus.find((b) => b.id === county)).toMatchObject({ readers: [] });
    expect(before.body.bureaus.find((b) => b.id === county)!.deliveredAt).not.toBeNull();
    await round();
    const d = (await server.request<NoticeDetail>('GET', `/api/notices/${notice.id}`, { token: province })).body;
    const zhang = await t.login('zhang.wei', userPassword);
    const readAt = (await t.call(zhang, 'notices.list', {}))[0]!.readAt!;
    expect(d.bureaus.find((b) => b.id === county)!.readers).toEqual([{ name: 'zhang.wei', readAt }]);
    expect(d.read).toBe(1);
    // Sent once: a further round sends nothing more and the server keeps one reading.
    await round();
    const n = await server.pool.query('SELECT count(*)::int AS n FROM notice_receipts');
    expect(n.rows[0].n).toBe(1);
  });

  it('withdrawn by the province: marked 已撤回 with the reason at the next sync, not gone; readings kept', async () => {
    const late = (
      await server.request<NoticeDetail>('POST', '/api/notices', {
        token: province,
        body: { title: '撤回前未同步的通知', body: '本县从未收到', audience: ['522600'] },
      })
    ).body;
    for (const [id, reason] of [
      [notice.id, '检查要点有误，另行发文'],
      [late.id, '重复发文'],
    ] as const) {
      const r = await server.request('POST', `/api/notices/${id}/withdraw`, { token: province, body: { reason } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await round();
    const status = await t.call(await t.login('admin'), 'sync.status', {});
    expect(status.changes.join('\n')).toContain(`发布单位撤回通知公告1条：《${notice.title}》`);
    const zhang = await t.login('zhang.wei', userPassword);
    const list = await t.call(zhang, 'notices.list', {});
    // The one received stays, marked; the one withdrawn before it came never arrives.
    expect(list.map((n) => n.id)).toEqual([notice.id]);
    expect(list[0]!.withdrawn).toEqual({ at: expect.any(String), reason: '检查要点有误，另行发文' });
    expect(list[0]!.readAt).not.toBeNull();
    // No longer unread for someone who had not read it.
    const head = await t.login('yang.head', userPassword);
    expect(await t.call(head, 'notices.unread', {})).toEqual({ unread: 0 });
    // The publisher still has the reading sent before.
    const d = (await server.request<NoticeDetail>('GET', `/api/notices/${notice.id}`, { token: province })).body;
    expect(d.read).toBe(1);
    expect(d.withdrawn?.reason).toBe('检查要点有误，另行发文');
    // A further round changes nothing.
    await round();
    expect((await t.call(zhang, 'notices.list', {}))[0]!.withdrawn?.reason).toBe('检查要点有误，另行发文');
  });
});
