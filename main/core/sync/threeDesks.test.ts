/**
 * Three desks of 天柱县 carry one 一般程序 case from 立案 to 归档 through the real provincial server
 * (embedded PostgreSQL, HTTP on loopback), each step where its person sits: the officer (立案, 调查,
 * 文书, 送达, 执行, 组卷, 归档) on 执法一科, the reviewer (案件审查) on 法制科, the head (the approvals) in
 * 局长室. The scripted ordinary case of the core tests runs unchanged; only its calls are routed to
 * the desk of the user whose session they carry, and whenever the case passes to another desk the
 * desk that acted syncs (push) and the next one syncs (pull) before it acts. In the end the three
 * desks and the server hold the same chain, the same documents and the same numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '#common/schemas/cases.js';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { userPassword } from '../../../server/testing/fixtures.js';
import { ordinaryCase } from '../testing/scenario.js';
import type { Caller, ScenarioResult } from '../testing/caseRunner.js';
import { quickPdfEngines } from '../testing/quickPdfEngine.js';
import {
  checkConverged,
  enrolDesk,
  seedBureau,
  syncQuiet,
  type Bureau,
  type Desk,
  type Person,
} from '../../../server/testing/syncDesks.js';
import { officerIdOf } from '../store/syncUsers.js';

let server: TestServer;
let bureau: Bureau;
let desks: { officer: Desk; reviewer: Desk; head: Desk };
let result: ScenarioResult;
/** Each time the case passed from one desk to another: “from→to before <op>”. */
const handoffs: string[] = [];

/** The scenario's calls, each on the desk of the user whose session it carries. */
function routed(seats: Partial<Record<Person, Desk>>): Caller {
  const owner = new Map<string, Desk>();
  let at: Desk | null = null;
  const round = async (d: Desk): Promise<void> => {
    const o = await d.t.core.services.sync.round();
    if (!o.ok) throw new Error(`${d.name}: 同步失败：${o.error}`);
  };
  const call = async (token: string | null, op: string, input: unknown): Promise<unknown> => {
    if (op === 'session.login') {
      const d = seats[(input as { username: Person }).username];
      if (!d) throw new Error(`${String((input as { username: string }).username)} 没有座位`);
      const r = await d.t.call(null, 'session.login', input as never);
      owner.set(r.token, d);
      return r;
    }
    const d = token ? owner.get(token) : undefined;
    if (!d) throw new Error(`${op}: 不知道这次调用属于哪台工作站`);
    if (d !== at) {
      if (at) await round(at); // the desk that acted pushes …
      await round(d); // … and the next one pulls before it acts
      handoffs.push(`${at?.name ?? '—'}→${d.name} ${op}`);
      at = d;
    }
    return d.t.call(token, op as never, input as never);
  };
  return { call } as unknown as Caller;
}

beforeAll(async () => {
  server = await startTestServer();
  bureau = await seedBureau(server);
  const enrol = (name: string) => enrolDesk(bureau, name, server.url, { pdfEngines: quickPdfEngines });
  desks = { officer: await enrol('执法一科'), reviewer: await enrol('法制科'), head: await enrol('局长室') };
  const all = Object.values(desks);
  result = await ordinaryCase(
    routed({ 'zhang.wei': desks.officer, 'wang.review': desks.reviewer, 'yang.head': desks.head }),
    {
      setDate: (d) => {
        for (const x of all) x.t.clock.setDate(d);
      },
    },
    {
      people: {
        officer: ['zhang.wei', userPassword],
        head: ['yang.head', userPassword],
        reviewer: ['wang.review', userPassword],
      },
      officerIds: [officerIdOf(bureau.ids['zhang.wei']), officerIdOf(bureau.ids['li.na'])],
      reviewBy: 'reviewer',
    },
  );
  await syncQuiet(all);
}, 120_000);

afterAll(async () => {
  for (const d of Object.values(desks ?? {})) await d.t.close();
  await server?.close();
});

const stateOn = (d: Desk): CaseState => d.t.core.services.cases.projection.get(result.caseId)!;
const documentsOf = (s: CaseState) => s.documents.map((x) => ({ id: x.id, type: x.type, number: x.number }));

describe('three desks carry one ordinary case from 立案 to 归档', () => {
  it('each step was taken on the desk of the person who took it, the case passing between desks', async () => {
    expect(result.archived.state.node).toBe('archived');
    const names = { officer: '执法一科', reviewer: '法制科', head: '局长室' } as const;
    const deviceName = new Map(
      Object.entries(desks).map(([k, d]) => [d.t.core.services.device, names[k as keyof typeof names]]),
    );
    const actions = desks.officer.t.core.services.cases.log
      .forCase(result.caseId)
      .flatMap((e) => (e.type === 'action.performed' ? [[e.payload.action, deviceName.get(e.device)]] : []));
    expect(Object.fromEntries(actions)).toMatchObject({
      submitFiling: '执法一科',
      approveFiling: '局长室',
      passReview: '法制科',
      approveNotice: '局长室',
      approveDecision: '局长室',
      approveClosing: '局长室',
      archive: '执法一科',
    });
    // 立案审批, 审查, 告知审批, 决定审批, 结案审批: to the other desk and back each time.
    expect(handoffs.filter((h) => h.startsWith('执法一科→')).length).toBeGreaterThanOrEqual(5);
    expect(handoffs).toContain('执法一科→法制科 cases.act');
  });

  it('the three desks and the server hold the same chain, documents, numbers and files', async () => {
    const { problems } = await checkConverged(bureau, Object.values(desks));
    expect(problems).toEqual([]);
    const onServer = await server.pool.query<{ hash: string }>(
      'SELECT hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [result.caseId],
    );
    const serverCase = await server.pool.query<{ number: string; state: CaseState }>(
      'SELECT number, state FROM cases WHERE id = $1',
      [result.caseId],
    );
    const officerState = stateOn(desks.officer);
    expect(officerState.node).toBe('archived');
    // The 告知书 and the 决定书 carry 文号 drawn from the officer desk's block.
    expect(officerState.documents.flatMap((d) => (d.number ? [d.type] : []))).toEqual([
      'penalty-notice',
      'penalty-decision',
    ]);
    for (const d of Object.values(desks)) {
      const s = stateOn(d);
      expect(d.t.core.services.cases.log.forCase(result.caseId).at(-1)!.hash).toBe(onServer.rows[0]!.hash);
      expect(s.number).toBe(serverCase.rows[0]!.number);
      expect(documentsOf(s)).toEqual(documentsOf(serverCase.rows[0]!.state));
      // Every document's file came down to every desk, with its hash.
      for (const doc of s.documents) expect(d.t.core.services.blobs.has(doc.docxHash)).toBe(true);
    }
  });
});
