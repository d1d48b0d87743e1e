/**
 * 通知公告 against a real server (embedded PostgreSQL over HTTP): the province and a prefecture publish
 * only below themselves (a county publishes none), bad input is refused in Chinese and writes nothing,
 * a county's desk receives what is addressed to it or a bureau above it — and those files only — and its
 * read receipts reach the publisher per county; a neighbour's or a parent's notice stays closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeDetail, NoticeSummary } from '#common/sync/notices.js';
import { addUser, adminToken, enrolDevice, userPassword, type EnrolledDevice } from '../testing/fixtures.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';

let s: TestServer;
let province: string;
let guiyang: string; // 贵阳市生态环境局 负责人
let qiandongnan: string; // 黔东南州 负责人
let nanmingHead: string; // 南明区分局 负责人
let nanming: EnrolledDevice;
let tianzhu: EnrolledDevice;
const file = Buffer.from('关于开展2026年冬季大气污染防治专项检查的通知（附件一：检查要点）\n', 'utf8');

async function portalLogin(username: string): Promise<string> {
  const r = await s.request('POST', '/api/supervision/login', { body: { username, password: userPassword } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.token;
}

const notice = (audience: string[], extra: Record<string, unknown> = {}) => ({
  title: '关于开展冬季大气污染防治专项检查的通知',
  body: '各县（市、区）分局：\n请于12月31日前完成辖区重点企业检查。',
  audience,
  ...extra,
});

async function publish(token: string, body: unknown): Promise<NoticeDetail> {
  const r = await s.request<NoticeDetail>('POST', '/api/notices', { token, body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const count = async () => Number((await s.pool.query('SELECT count(*) AS n FROM notices')).rows[0].n);

beforeAll(async () => {
  s = await startTestServer();
  province = await adminToken(s);
  await addUser(s, province, '520100', 'gy.head', ['head']);
  await addUser(s, province, '522600', 'qdn.head', ['head']);
  await addUser(s, province, '520102', 'nm.head', ['head']);
  guiyang = await portalLogin('gy.head');
  qiandongnan = await portalLogin('qdn.head');
  nanmingHead = await portalLogin('nm.head');
  nanming = await enrolDevice(s, province, '520102');
  tianzhu = await enrolDevice(s, province, '522627');
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('通知公告', () => {
  let toGuiyang: NoticeDetail;
  let toNanming: NoticeDetail;
  let toAll: NoticeDetail;

  it('the province publishes to a prefecture: it reaches every county below it, its file in the store', async () => {
    toGuiyang = await publish(
      province,
      notice(['520100'], {
        attachments: [{ name: '检查要点.txt', type: 'text/plain', contentBase64: file.toString('base64') }],
      }),
    );
    const below = (
      await s.pool.query("SELECT id FROM bureaus WHERE level = 'county' AND parent_id = '520100' ORDER BY id")
    ).rows.map((r) => r.id);
    expect(below.length).toBeGreaterThan(2);
    expect(toGuiyang.bureaus.map((b) => b.id)).toEqual(below);
    expect(toGuiyang.counties).toBe(below.length);
    expect(toGuiyang.bureaus.every((b) => b.deliveredAt === null && b.readers.length === 0)).toBe(true);
    expect(toGuiyang.attachments).toEqual([
      expect.objectContaining({ name: '检查要点.txt', size: file.length, type: 'text/plain' }),
    ]);
    toAll = await publish(province, notice(['520000'], { title: '全省通知' }));
    expect(toAll.counties).toBe(
      Number((await s.pool.query("SELECT count(*) AS n FROM bureaus WHERE level = 'county'")).rows[0].n),
    );
  });

  it('a prefecture publishes only below itself; a county publishes none; bad input writes nothing', async () => {
    toNanming = await publish(guiyang, notice(['520102'], { title: '市局通知' }));
    expect(toNanming.bureaus.map((b) => b.name)).toEqual(['贵阳市生态环境局南明区分局']);
    const before = await count();
    const refusals: Array<[string, unknown, number, RegExp]> = [
      [guiyang, notice(['522627']), 403, /不在本单位管辖范围内/],
      [guiyang, notice(['520000']), 403, /不在本单位管辖范围内/],
      [nanmingHead, notice(['520102']), 403, /只有省级或市（州）级单位/],
      [province, notice(['999999']), 400, /没有代码为 999999 的单位/],
      [province, notice([]), 400, /请至少选择一个发送单位/],
      [province, { ...notice(['520100']), title: '  ' }, 400, /请填写标题/],
      [
        province,
        notice(['520100'], { attachments: [{ name: 'a.txt', contentBase64: '不是base64' }] }),
        400,
        /不是有效的 Base64/,
      ],
      [province, notice(['520100'], { attachments: [{ name: '../a.txt', contentBase64: 'YQ==' }] }), 400, /不能含有/],
    ];
    for (const [token, body, status, message] of refusals) {
      const r = await s.request('POST', '/api/notices', { token, body });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('a county desk receives what is addressed to it or above it, and those files only', async () => {
    const nm = await s.request('GET', '/api/sync/notices', { token: nanming.credential });
    expect(nm.status).toBe(200);
    expect(nm.body.notices.map((n: { title: string }) => n.title).sort()).toEqual(
      [toGuiyang.title, '全省通知', '市局通知'].sort(),
    );
    const tz = await s.request('GET', '/api/sync/notices', { token: tianzhu.credential });
    expect(tz.body.notices.map((n: { title: string }) => n.title)).toEqual(['全省通知']);
    const sha = toGuiyang.attachments[0]!.sha256;
    const got = await fetch(`${s.url}/api/sync/notices/files/${sha}`, {
      headers: { authorization: `Bearer ${nanming.credential}` },
    });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(file)).toBe(true);
    const other = await s.request('GET', `/api/sync/notices/files/${sha}`, { token: tianzhu.credential });
    expect(other.status).toBe(404);
    // Not a case file: the case files' route does not give it either.
    expect((await s.request('GET', `/api/sync/files/${sha}`, { token: nanming.credential })).status).toBe(404);
  });

  it('read receipts go up once, are refused with the reason, and show to the publisher per county', async () => {
    const readAt = new Date(Date.now() - 60_000).toISOString();
    const r = await s.request('POST', '/api/sync/notices/receipts', {
      token: nanming.credential,
      body: {
        receipts: [
          { noticeId: toGuiyang.id, userId: 'u-zhang', userName: '张伟', readAt },
          {
            noticeId: toGuiyang.id,
            userId: 'u-li',
            userName: '李娜',
            readAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.accepted).toEqual([{ noticeId: toGuiyang.id, userId: 'u-zhang' }]);
    expect(r.body.refused[0].reason).toMatch(/阅读时间晚于服务器当前时间/);
    const again = await s.request('POST', '/api/sync/notices/receipts', {
      token: nanming.credential,
      body: {
        receipts: [{ noticeId: toGuiyang.id, userId: 'u-zhang', userName: '张伟', readAt: new Date().toISOString() }],
      },
    });
    expect(again.body.accepted).toHaveLength(1);
    const stranger = await s.request('POST', '/api/sync/notices/receipts', {
      token: tianzhu.credential,
      body: { receipts: [{ noticeId: toGuiyang.id, userId: 'u-wang', userName: '王强', readAt }] },
    });
    expect(stranger.body.refused[0].reason).toBe('本单位没有收到这条通知公告');
    const bad = await s.request('POST', '/api/sync/notices/receipts', {
      token: nanming.credential,
      body: { receipts: [{ noticeId: toGuiyang.id, userId: 'u', userName: '', readAt }] },
    });
    expect(bad.status).toBe(400);

    const d = (await s.request<NoticeDetail>('GET', `/api/notices/${toGuiyang.id}`, { token: province })).body;
    const nm = d.bureaus.find((b) => b.id === '520102')!;
    expect(nm.deliveredAt).not.toBeNull();
    expect(nm.readers).toEqual([{ name: '张伟', readAt }]); // the first reading, not the resent one
    expect(d.bureaus.find((b) => b.id === '520103')).toMatchObject({ deliveredAt: null, readers: [] });
    expect({ delivered: d.delivered, read: d.read }).toEqual({ delivered: 1, read: 1 });
  });

  it('a publisher sees its subtree’s notices; a neighbour’s or a parent’s is closed', async () => {
    const list = async (token: string) =>
      (await s.request<{ notices: NoticeSummary[] }>('GET', '/api/notices', { token })).body.notices.map(
        (n) => n.title,
      );
    expect((await list(province)).sort()).toEqual([toGuiyang.title, '全省通知', '市局通知'].sort());
    expect(await list(guiyang)).toEqual(['市局通知']);
    expect(await list(qiandongnan)).toEqual([]);
    expect((await s.request('GET', `/api/notices/${toNanming.id}`, { token: guiyang })).status).toBe(200);
    const parent = await s.request('GET', `/api/notices/${toGuiyang.id}`, { token: guiyang });
    expect(parent.status).toBe(403);
    expect((await s.request('GET', `/api/notices/${toNanming.id}`, { token: qiandongnan })).status).toBe(403);
    expect((await s.request('GET', '/api/notices/nope', { token: province })).status).toBe(404);
    expect((await s.request('GET', '/api/notices')).status).toBe(401);
    // The form offers the viewer's own bureau and those below it only.
    const audience = await s.request('GET', '/api/notices/audience', { token: guiyang });
    const ids = audience.body.bureaus.map((b: { id: string }) => b.id);
    expect(ids[0]).toBe('520100');
    expect(ids).toContain('520102');
    expect(ids.every((id: string) => id.startsWith('5201'))).toBe(true);
  });

  it('is withdrawn by its publishing bureau with a reason: desks that had it are told, receipts kept', async () => {
    const withdraw = (token: string, id: string, body: unknown) =>
      s.request('POST', `/api/notices/${id}/withdraw`, { token, body });
    // Only the publishing bureau: not a bureau above or beside it, not without a reason.
    const parent = await withdraw(guiyang, toGuiyang.id, { reason: '内容有误' });
    expect(parent.status).toBe(403);
    expect(parent.body.error.message).toBe(`《${toGuiyang.title}》由其他单位发布，只有发布单位可以撤回`);
    expect((await withdraw(province, toGuiyang.id, { reason: '  ' })).body.error.message).toContain('请填写撤回理由');
    expect((await withdraw(province, 'nope', { reason: '内容有误' })).status).toBe(404);
    expect((await s.request('POST', `/api/notices/${toGuiyang.id}/withdraw`, { body: { reason: 'x' } })).status).toBe(
      401,
    );
    const before = (await s.request('GET', '/api/sync/notices', { token: nanming.credential })).body;
    expect(before.withdrawn).toEqual([]);

    const r = await withdraw(province, toGuiyang.id, { reason: '检查要点有误，另行发文' });
    expect(r.status).toBe(200);
    expect(r.body.withdrawn).toMatchObject({ reason: '检查要点有误，另行发文', by: expect.any(String) });
    expect(Date.parse(r.body.withdrawn.at)).not.toBeNaN();
    // The record of who received and read it stays.
    expect(r.body.bureaus.find((b: { id: string }) => b.id === '520102').readers).toHaveLength(1);
    expect((await withdraw(province, toGuiyang.id, { reason: '再次撤回' })).body.error.message).toBe(
      `《${toGuiyang.title}》已经撤回，不能再次撤回`,
    );

    // 南明区 had received it: no longer sent, but named as withdrawn with the reason; its file no longer served.
    const nm = (await s.request('GET', '/api/sync/notices', { token: nanming.credential })).body;
    expect(nm.notices.map((n: { id: string }) => n.id)).not.toContain(toGuiyang.id);
    expect(nm.notices).toHaveLength(2);
    expect(nm.withdrawn).toEqual([
      { id: toGuiyang.id, withdrawnAt: r.body.withdrawn.at, reason: '检查要点有误，另行发文' },
    ]);
    const sha = toGuiyang.attachments[0]!.sha256;
    expect((await s.request('GET', `/api/sync/notices/files/${sha}`, { token: nanming.credential })).status).toBe(404);
    // A reading made before the withdrawal still goes up.
    const late = await s.request('POST', '/api/sync/notices/receipts', {
      token: nanming.credential,
      body: {
        receipts: [
          {
            noticeId: toGuiyang.id,
            userId: 'u-zhao',
            userName: '赵敏',
            readAt: new Date(Date.now() - 1000).toISOString(),
          },
        ],
      },
    });
    expect(late.body.accepted).toEqual([{ noticeId: toGuiyang.id, userId: 'u-zhao' }]);
    // 天柱县 never received it: told nothing.
    const tz = (await s.request('GET', '/api/sync/notices', { token: tianzhu.credential })).body;
    expect(tz.withdrawn).toEqual([]);
    // The publisher's list says 已撤回.
    const list = (await s.request<{ notices: NoticeSummary[] }>('GET', '/api/notices', { token: province })).body;
    expect(list.notices.find((n) => n.id === toGuiyang.id)!.withdrawn?.reason).toBe('检查要点有误，另行发文');
    expect(list.notices.filter((n) => n.withdrawn === null)).toHaveLength(2);
  });
});
