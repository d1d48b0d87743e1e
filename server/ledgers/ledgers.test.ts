/**
 * The ledgers over HTTP on a real server: the case ledger from pushed cases and the inspection ledger from
 * field assignments, read back with exceljs. Text a party or an officer typed that starts with =, +, -, @
 * is never a formula in the file, and comes back exactly (restoreCell) — the round trip the workstation's
 * imports rely on. A county's ledger holds its own rows only.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreCell } from '#core/domain/spreadsheetCells.js';
import { pagesOf } from '../db/pages.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { action, addUser, adminToken, chain, enrolDevice, opened, userPassword } from '../testing/fixtures.js';

let s: TestServer;
const tokens: Record<string, string> = {};
const hostile = {
  party: '=HYPERLINK("http://example.invalid","点击领取")',
  violation: '@SUM(A1:A9)',
  officer: '-李四',
  findings: "=cmd|' /C calc'!A0",
  enterprise: "'=已加过引号的名称",
  task: '+2026年第四季度双随机',
};

type Step = [string, string, string | null, 'o' | 'h', boolean, string, Record<string, unknown>?];
const decided: Step[] = [
  ['submitFiling', 'filing.draft', 'filing.review', 'o', false, '2026-10-08'],
  ['approveFiling', 'filing.review', 'investigation', 'h', true, '2026-10-08'],
  ['finishInvestigation', 'investigation', 'report', 'o', false, '2026-10-09'],
  [
    'submitReport',
    'report',
    'review',
    'o',
    false,
    '2026-10-09',
    { facts: '超标排放', proposedFine: 20_000, reasoning: '' },
  ],
  ['passReview', 'review', 'notice.draft', 'h', true, '2026-10-10'],
  ['submitNotice', 'notice.draft', 'notice.review', 'o', false, '2026-10-10'],
  ['approveNotice', 'notice.review', 'notice.service', 'h', true, '2026-10-10'],
  [
    'serveNotice',
    'notice.service',
    'defence',
    'o',
    false,
    '2026-10-12',
    { servedOn: '2026-10-12', servedDocument: '行政处罚事先告知书' },
  ],
  ['closeDefence', 'defence', 'decision.draft', 'o', false, '2026-10-20'],
  ['submitDecision', 'decision.draft', 'decision.review', 'o', false, '2026-10-20'],
  ['approveDecision', 'decision.review', 'service', 'h', true, '2026-11-10'],
  [
    'serveDecision',
    'service',
    'execution',
    'o',
    false,
    '2026-11-11',
    { servedOn: '2026-11-11', servedDocument: '行政处罚决定书' },
  ],
  ['recordPayment', 'execution', null, 'o', false, '2026-11-20', { paidOn: '2026-11-20', amount: 5_000 }],
];

async function pushCounty(admin: string, county: string, cases: Array<{ id: string; party: string; steps: Step[] }>) {
  const officer = { id: await addUser(s, admin, county, `off-${county}`, ['officer'], `L${county}1`), name: '办案员' };
  const head = { id: await addUser(s, admin, county, `head-${county}`, ['head'], `L${county}2`), name: '负责人' };
  const device = await enrolDevice(s, admin, county);
  const t0 = Date.parse('2026-11-01T01:00:00Z');
  const mutations = cases.map((c, k) => {
    const o = opened(`某环罚〔2026〕${k + 1}号`);
    const payload = {
      ...o.payload,
      party: { ...(o.payload.party as object), name: c.party },
      violation: { id: 'air-001', name: hostile.violation, articles: [], penaltyArticle: '' },
      officers: [
        { id: `${county}-a`, name: hostile.officer, certificateNo: `${county}1` },
        { id: `${county}-b`, name: '王五', certificateNo: `${county}2` },
      ],
      filedOn: '2026-10-08',
    };
    let events = chain(c.id, officer, [{ type: o.type, payload }], undefined, t0 + k * 60_000);
    c.steps.forEach(([id, from, to, who, approval, on, data], i) => {
      const extra = { approval, on, data: data ?? {} };
      events = [
        ...events,
        ...chain(
          c.id,
          who === 'h' ? head : officer,
          [action(id, from, to, extra)],
          events.at(-1),
          t0 + k * 60_000 + (i + 1) * 3_600_000,
        ),
      ];
    });
    return { mutationId: k + 1, caseId: c.id, events };
  });
  const r = await s.request('POST', '/api/sync/push', { token: device.credential, body: { mutations } });
  if (r.status !== 200 || r.body.conflict) throw new Error(`push failed: ${JSON.stringify(r.body).slice(0, 400)}`);
  return { officer, head };
}

async function download(kind: string, token: string, query = '') {
  const res = await fetch(`${s.url}/api/supervision/ledgers/${kind}${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res;
}

async function sheetOf(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: Array<Array<string | number | null>> = [];
  let formulas = 0;
  ws.eachRow((row) => {
    const cells: Array<string | number | null> = [];
    for (let i = 1; i <= ws.columnCount; i++) {
      const cell = row.getCell(i);
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      cells.push(cell.value === null || cell.value === undefined ? null : (cell.value as string | number));
    }
    rows.push(cells);
  });
  return { name: ws.name, rows, formulas };
}

beforeAll(async () => {
  // Synthetic case histories (no documents behind the steps): what reads them, not the push's guards.
  s = await startTestServer({ judgeGuards: false });
  s.clock.offsetMs = Date.parse('2026-12-07T04:00:00Z') - Date.now();
  const admin = await adminToken(s);
  const { head } = await pushCounty(admin, '520102', [
    { id: 'l-1', party: hostile.party, steps: [] },
    { id: 'l-2', party: '某化工有限公司', steps: decided },
  ]);
  await pushCounty(admin, '520103', [{ id: 'l-3', party: '云岩区某厂', steps: [] }]);
  await s.pool.query(
    `INSERT INTO field_tasks (id, submission_id, bureau_id, name, period_from, period_to, counties, rules, per_county, seed,
       directory_seq, created_by, created_at)
     VALUES ('t1', 's1', '520100', $1, '2026-11-01', '2026-12-31', '{520102,520103}', '{}', 2, 7, 1, $2, now())`,
    [hostile.task, head.id],
  );
  await s.pool.query(
    `INSERT INTO field_assignments (id, task_id, county_id, position, uscc, enterprise_name, officer_ids, status,
       inspected_on, findings, result, case_number)
     VALUES ('a1', 't1', '520102', 0, '91520102MA6DKXXX1X', $1, ARRAY[$2], 'done', '2026-11-15', $3, 'issues', '某环罚〔2026〕2号'),
            ('a2', 't1', '520102', 1, '91520102MA6DKXXX2X', '南明区某厂', ARRAY[$2], 'open', NULL, NULL, NULL, NULL),
            ('a3', 't1', '520103', 0, '91520103MA6DKXXX3X', '云岩区某厂', '{}', 'open', NULL, NULL, NULL, NULL)`,
    [hostile.enterprise, head.id, hostile.findings],
  );
  const login = await s.request('POST', '/api/supervision/login', {
    body: { username: 'head-520102', password: userPassword },
  });
  tokens.county = login.body.token;
  tokens.admin = admin;
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('案件台账', () => {
  it("is an .xlsx of the county's cases in the stated columns, with amounts as numbers", async () => {
    const res = await download('cases', tokens.county!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(
      '案件台账-贵阳市生态环境局南明区分局-2026-12-07.xlsx',
    );
    const { name, rows, formulas } = await sheetOf(res);
    expect(name).toBe('案件台账');
    expect(formulas).toBe(0);
    expect(rows[0]).toEqual([
      '序号',
      '办案单位',
      '案号',
      '立案日期',
      '当事人',
      '统一社会信用代码',
      '案由（违法行为）',
      '案件来源',
      '承办人员',
      '办理环节',
      '决定类型',
      '决定日期',
      '罚款金额（元）',
      '已缴金额（元）',
      '未缴金额（元）',
      '结案日期',
    ]);
    expect(rows).toHaveLength(3); // 云岩区's case is not in 南明区's ledger
    const back = rows.slice(1).map((r) => r.map((v) => (typeof v === 'string' ? restoreCell(v) : v)));
    const byNumber = new Map(back.map((r) => [r[2], r]));
    expect(byNumber.get('某环罚〔2026〕1号')).toEqual([
      1,
      '贵阳市生态环境局南明区分局',
      '某环罚〔2026〕1号',
      '2026-10-08',
      hostile.party,
      '91520100MA6DKXXX0X',
      hostile.violation,
      '现场检查',
      `${hostile.officer}、王五`,
      '立案申请',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(byNumber.get('某环罚〔2026〕2号')!.slice(9)).toEqual([
      '执行',
      '处罚',
      '2026-11-10',
      20_000,
      5_000,
      15_000,
      null,
    ]);
  });

  it('neutralises formulas: the raw cell starts with an apostrophe, and restoring gives the exact text', async () => {
    const { rows } = await sheetOf(await download('cases', tokens.county!));
    const raw = rows.find((r) => r[2] === '某环罚〔2026〕1号')!;
    expect(raw[4]).toBe(`'${hostile.party}`);
    expect(raw[6]).toBe(`'${hostile.violation}`);
    expect(raw[8]).toBe(`'${hostile.officer}、王五`);
    expect(restoreCell(raw[4] as string)).toBe(hostile.party);
  });

  it("refuses a neighbour's ledger and an unknown kind in Chinese", async () => {
    const other = await download('cases', tokens.county!, '?bureauId=520103');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { message: string } }).error.message).toContain('无权查看');
    const bad = await download('fines', tokens.county!);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('台账只有');
  });
});

describe('现场检查台账', () => {
  it('lists each drawn enterprise with its inspection, exactly as typed', async () => {
    const res = await download('inspections', tokens.county!);
    expect(res.status).toBe(200);
    const { rows, formulas } = await sheetOf(res);
    expect(formulas).toBe(0);
    expect(rows[0]).toEqual([
      '序号',
      '检查单位',
      '任务名称',
      '下达单位',
      '检查对象',
      '统一社会信用代码',
      '检查人员',
      '检查日期',
      '检查结果',
      '发现的问题',
      '是否立案',
      '案号',
    ]);
    const back = rows.slice(1).map((r) => r.map((v) => (typeof v === 'string' ? restoreCell(v) : v)));
    expect(back).toEqual([
      [
        1,
        '贵阳市生态环境局南明区分局',
        hostile.task,
        '贵阳市生态环境局',
        hostile.enterprise,
        '91520102MA6DKXXX1X',
        'head-520102',
        '2026-11-15',
        '发现问题',
        hostile.findings,
        '是',
        '某环罚〔2026〕2号',
      ],
      [
        2,
        '贵阳市生态环境局南明区分局',
        hostile.task,
        '贵阳市生态环境局',
        '南明区某厂',
        '91520102MA6DKXXX2X',
        'head-520102',
        null,
        '未检查',
        null,
        '否',
        null,
      ],
    ]);
    // Text already starting with an apostrophe before a formula character gets one more, and comes back whole.
    expect(rows[1]![4]).toBe(`'${hostile.enterprise}`);
  });

  it('gives the prefecture both counties', async () => {
    const gy = await addUser(s, tokens.admin!, '520100', 'gy-head', ['head']);
    expect(gy).toBeTruthy();
    const login = await s.request('POST', '/api/supervision/login', {
      body: { username: 'gy-head', password: userPassword },
    });
    const { rows } = await sheetOf(await download('inspections', login.body.token));
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      '贵阳市生态环境局南明区分局',
      '贵阳市生态环境局南明区分局',
      '贵阳市生态环境局云岩区分局',
    ]);
  });
});

describe('streaming', () => {
  it('reads rows a page at a time, and an abandoned read gives its connection back', async () => {
    // Kept whole and read after the last page: pagesOf empties pg's own array after each page.
    const pages: Array<Array<{ g: number }>> = [];
    for await (const p of pagesOf<{ g: number }>(s.pool, 'SELECT g FROM generate_series(1, $1::int) g', [5], 2))
      pages.push(p);
    expect(pages.map((p) => p.map((r) => r.g))).toEqual([[1, 2], [3, 4], [5]]);
    for await (const p of pagesOf<{ g: number }>(s.pool, 'SELECT g FROM generate_series(1, 10) g', [], 3)) {
      expect(p).toHaveLength(3);
      break;
    }
    expect(s.pool.totalCount - s.pool.idleCount).toBe(0);
  });

  it('keeps the header bold and frozen', async () => {
    const res = await download('cases', tokens.county!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
