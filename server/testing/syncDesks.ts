/**
 * Workstations of 天柱县 against a real provincial server, for the sync tests that act at random:
 * desks enrolled (through a proxy if given), lawful actions picked at random from what each case offers
 * its user, and the check that after a clean sync nothing was lost or duplicated — every desk's chains
 * equal the server's, every event on the server was recorded by exactly one desk, every file has its
 * hash, and every 案号/文号 a desk drew from its blocks was used once, in order.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '#common/errors.js';
import type { TestServer } from './testServer.js';
import { enrolWithServer } from './enrolWithServer.js';
import { addUser, adminToken, userPassword } from './fixtures.js';
import { blobPath } from '../files/fileRoutes.js';
import { officerIdOf } from '#core/store/syncUsers.js';
import { SyncBlocks } from '#core/store/syncBlocks.js';
import { SyncFiles } from '#core/store/syncFiles.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { CaseRunner, openCase } from '#core/testing/caseRunner.js';
import { sampleActionData } from '#core/testing/actionData.js';
import { chunk, makePng } from '#core/testing/png.js';
import type { DocumentType } from '#common/documentTypes.js';
import type { EngineFactory } from '#core/documents/pdfService.js';

export const county = '522627'; // 天柱县
export const today = '2026-12-07';
const people = ['zhang.wei', 'li.na', 'wang.review', 'yang.head'] as const;
export type Person = (typeof people)[number];

export interface Bureau {
  server: TestServer;
  province: string;
  ids: Record<Person, string>;
}

export async function seedBureau(server: TestServer): Promise<Bureau> {
  const province = await adminToken(server);
  const ids = {
    'zhang.wei': await addUser(server, province, county, 'zhang.wei', ['officer'], '贵环执字522627101'),
    'li.na': await addUser(server, province, county, 'li.na', ['officer'], '贵环执字522627102'),
    'wang.review': await addUser(server, province, county, 'wang.review', ['reviewer']),
    'yang.head': await addUser(server, province, county, 'yang.head', ['head']),
  };
  return { server, province, ids };
}

export interface Desk {
  name: string;
  t: TestCore;
  tokens: Partial<Record<Person, string>>;
  /** Ids of the events this desk's actions wrote (each must end on the server or among its superseded). */
  created: Set<string>;
  /** How many photos this desk added (each with its own bytes, so a duplicate shows). */
  photos: number;
}

/** `pdfEngines`: a stand-in engine for desks that seal documents or bind the dossier. */
export async function enrolDesk(
  b: Bureau,
  name: string,
  serverUrl: string,
  opts: { pdfEngines?: EngineFactory } = {},
): Promise<Desk> {
  const t = await createTestCore({ today, core: { sync: { fileRetryDelays: [20] }, ...opts } });
  await enrolWithServer(t, b.server, b.province, name, serverUrl, county);
  return { name, t, tokens: {}, created: new Set(), photos: 0 };
}

export async function token(d: Desk, who: Person): Promise<string> {
  d.tokens[who] ??= await d.t.login(who, userPassword);
  return d.tokens[who]!;
}

export const caseIds = (d: Desk): string[] =>
  d.t.core.services.cases.projection
    .list({ query: '', state: 'all', offset: 0, limit: 200 }, (n) => n)
    .rows.map((r) => r.id);

const eventIds = (d: Desk, caseId: string) => d.t.core.services.cases.log.forCase(caseId).map((e) => e.id);

/** A small PNG with bytes of its own (a text chunk), so a photo added twice shows on the server. */
function uniquePng(text: string): Buffer {
  const png = makePng(24, 16, 1);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk('tEXt', Buffer.from(`Comment\0${text}`)), png.subarray(iend)]);
}

export type Random = () => number;
const pickOf = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * One lawful try on the desk: open a case, or on a random case as a random user: an action the case offers
 * them, a document it lists, or a photo. A refusal by the workstation's own rules (a guard, a role) is
 * part of the game and answered with false; anything else throws.
 */
export async function randomAction(
  b: Bureau,
  d: Desk,
  r: Random,
  /** `who` acts (else a random user); `act`: an action the case offers, if any, before documents and photos. */
  opts: { maxCases: number; caseId?: string; who?: Person; act?: boolean },
): Promise<string> {
  const cases = opts.caseId ? [opts.caseId] : caseIds(d);
  const officer = pickOf(r, ['zhang.wei', 'li.na'] as const);
  if (cases.length === 0 || (cases.length < opts.maxCases && r() < 0.12)) {
    const view = await openCase(d.t, await token(d, officer), {
      officerIds: [officerIdOf(b.ids['zhang.wei']), officerIdOf(b.ids['li.na'])],
      discoveredOn: '2026-12-01',
      filedOn: '2026-12-02',
    });
    for (const id of eventIds(d, view.state.id)) d.created.add(id);
    return 'open';
  }
  const caseId = pickOf(r, cases);
  const who = opts.who ?? pickOf(r, people);
  const tk = await token(d, who);
  const before = new Set(eventIds(d, caseId));
  let what: string;
  try {
    const view = await d.t.call(tk, 'cases.get', { caseId });
    const actions = view.actions.filter((a) => a.allowed);
    const docs = view.documentTypes.filter((x) => x.hasTemplate && !x.generated);
    const choice = r();
    if (actions.length && (opts.act || choice < 0.5)) {
      const a = pickOf(r, actions);
      what = `act ${a.id}`;
      await d.t.call(tk, 'cases.act', {
        caseId,
        action: a.id,
        data: sampleActionData(a.form, today, 200_000),
        track: a.track,
      });
    } else if (docs.length && choice < 0.8) {
      const doc = pickOf(r, docs);
      what = `gen ${doc.type}`;
      const run = new CaseRunner(d.t, { setDate: () => undefined }, tk, tk, tk);
      run.caseId = caseId;
      run.today = today;
      await run.gen(doc.type as DocumentType, { by: tk });
    } else {
      what = 'photo';
      const n = ++d.photos;
      await d.t.call(await token(d, officer), 'evidence.add', {
        caseId,
        kind: 'photo',
        fileName: `现场${n}.png`,
        contentBase64: uniquePng(`${d.name}-${n}-${Math.random()}`).toString('base64'),
        description: `${d.name}现场照片${n}`,
        takenOn: today,
      });
    }
  } catch (e) {
    if (e instanceof AppError) return 'refused';
    throw e;
  }
  for (const id of eventIds(d, caseId)) if (!before.has(id)) d.created.add(id);
  return what;
}

/** Rounds on every desk until none pushes or pulls anything (at most `max` passes); what they re-applied and kept. */
export async function syncQuiet(desks: Desk[], max = 6): Promise<{ reapplied: number; conflicts: number }> {
  const out = { reapplied: 0, conflicts: 0 };
  for (let pass = 0; pass < max; pass++) {
    let moved = 0;
    for (const d of desks) {
      const o = await d.t.core.services.sync.round();
      if (!o.ok) throw new Error(`${d.name}: 同步失败：${o.error}`);
      moved += o.pushed + o.pulled + o.reapplied;
      out.reapplied += o.reapplied;
      out.conflicts += o.conflicts;
    }
    if (moved === 0) return out;
  }
  throw new Error(`同步${max}轮后仍未平静`);
}

const seqOf = (n: string) => {
  const m = /〔(\d{4})〕(\d+)号$/u.exec(n);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The invariants after a clean sync; each failure names what went wrong (the caller prints its seed).
 * Returns the numbers of events, cases and files checked.
 */
export async function checkConverged(b: Bureau, desks: Desk[]) {
  const problems: string[] = [];
  const { rows } = await b.server.pool.query<{
    case_id: string;
    id: string;
    hash: string;
    type: string;
    payload: unknown;
  }>('SELECT case_id, id, hash, type, payload FROM case_events WHERE bureau_id = $1 ORDER BY case_id, seq', [county]);
  const onServer = new Map<string, string[]>();
  for (const e of rows) onServer.set(e.case_id, [...(onServer.get(e.case_id) ?? []), e.hash]);
  const serverIds = new Set(rows.map((e) => e.id));
  const recordedBy = new Map<string, string>();
  for (const d of desks) {
    const s = d.t.core.services;
    if (s.sync.store.pendingCount() !== 0) problems.push(`${d.name}: 仍有${s.sync.store.pendingCount()}条待上传`);
    const local = caseIds(d);
    if (local.length !== onServer.size) problems.push(`${d.name}: ${local.length}件案件，服务器${onServer.size}件`);
    const device = s.sync.store.enrolment()!.deviceId;
    const superseded = new Set<string>();
    for (const caseId of local) {
      const log = s.cases.log.forCase(caseId);
      const want = onServer.get(caseId) ?? [];
      if (JSON.stringify(log.map((e) => e.hash)) !== JSON.stringify(want))
        problems.push(`${d.name}: 案件${caseId}的记录链与服务器不同（本机${log.length}条，服务器${want.length}条）`);
      for (const e of s.sync.events.superseded(caseId)) {
        superseded.add(e.id);
        if (serverIds.has(e.id)) problems.push(`${d.name}: 被取代的记录${e.id}却在服务器上`);
      }
      for (const e of log) if (!serverIds.has(e.id)) problems.push(`${d.name}: 记录${e.id}不在服务器上`);
    }
    // What this desk recorded (its own events, by who pushed them) — together the server's events, once each.
    const pushed = await b.server.pool.query<{ id: string }>(
      'SELECT id FROM case_events WHERE bureau_id = $1 AND device_id = $2',
      [county, device],
    );
    for (const { id } of pushed.rows) {
      if (recordedBy.has(id)) problems.push(`记录${id}由两台工作站上传`);
      recordedBy.set(id, d.name);
    }
    for (const id of d.created)
      if (!serverIds.has(id) && !superseded.has(id))
        problems.push(`${d.name}: 本机记录${id}既不在服务器上也未作为冲突保留`);
  }
  // Files: every file a case names that some desk holds is on the server and on every desk, with its hash
  // (a case's state also carries hashes that name no file, such as a document's content hash).
  const serverFiles = new Set(
    (await b.server.pool.query<{ sha256: string }>('SELECT sha256 FROM files')).rows.map((f) => f.sha256),
  );
  for (const d of desks) {
    const s = d.t.core.services;
    for (const hash of new SyncFiles(s.db).referenced()) {
      const somewhere = serverFiles.has(hash) || desks.some((x) => x.t.core.services.blobs.has(hash));
      if (!somewhere) continue;
      if (!serverFiles.has(hash)) problems.push(`${d.name}: 文件${hash.slice(0, 12)}不在服务器上`);
      if (!s.blobs.has(hash) || sha(s.blobs.get(hash)) !== hash)
        problems.push(`${d.name}: 文件${hash.slice(0, 12)}缺失或损坏`);
    }
  }
  if (recordedBy.size !== serverIds.size)
    problems.push(`服务器有${serverIds.size}条记录，各工作站上传的合计${recordedBy.size}条`);
  // Photos: each added once (their bytes are unique), so none twice in a case.
  const files = await b.server.pool.query<{ sha256: string }>('SELECT sha256 FROM files');
  for (const { sha256 } of files.rows) {
    const path = blobPath(b.server.filesDir, sha256);
    if (!existsSync(path) || sha(readFileSync(path)) !== sha256)
      problems.push(`服务器文件${sha256.slice(0, 12)}缺失或损坏`);
  }
  const seen = new Map<string, number>();
  for (const e of rows) {
    const h = e.type === 'evidence.added' ? (e.payload as { hash?: string }).hash : undefined;
    if (h) seen.set(`${e.case_id}/${h}`, (seen.get(`${e.case_id}/${h}`) ?? 0) + 1);
  }
  for (const [k, n] of seen) if (n > 1) problems.push(`照片${k}在服务器上出现${n}次`);
  // Numbers: 案号 unique; every number a desk drew from a block used exactly once, in order (start … next-1).
  const used = new Map<string, number>();
  const note = (kind: string, n: string | null | undefined) => {
    const s = n ? seqOf(n) : null;
    if (!s) return;
    const k = `${kind}/${s.year}/${s.seq}`;
    used.set(k, (used.get(k) ?? 0) + 1);
  };
  const projections = await b.server.pool.query<{
    number: string;
    projection: { documents?: Array<{ type: string; number: string | null; id: string }> };
  }>('SELECT number, state AS projection FROM cases WHERE bureau_id = $1', [county]);
  for (const c of projections.rows) {
    note('case', c.number);
    const docNumbers = new Map<string, string>();
    for (const doc of c.projection.documents ?? [])
      if (doc.number) docNumbers.set(`${doc.type}/${doc.number}`, doc.type);
    for (const [key, type] of docNumbers) note(type, key.slice(type.length + 1));
  }
  for (const [k, n] of used) if (n > 1) problems.push(`编号${k}被使用${n}次`);
  const kept: string[] = [];
  for (const d of desks) {
    const head = await token(d, 'yang.head');
    kept.push(JSON.stringify(await d.t.call(head, 'sync.conflicts', {})));
  }
  const keptText = kept.join('\n');
  for (const d of desks)
    for (const blk of new SyncBlocks(d.t.core.services.db).all())
      for (let seq = blk.start; seq < blk.next; seq++)
        if (!used.has(`${blk.kind}/${blk.year}/${seq}`) && !keptText.includes(`〔${blk.year}〕${seq}号`))
          problems.push(
            `${d.name}: ${blk.kind} ${blk.year}年第${seq}号已从号段取出却未使用（号段${blk.start}–${blk.end}）`,
          );
  return { problems, events: rows.length, cases: onServer.size, files: files.rowCount ?? 0 };
}
