/**
 * Verifies an 电子档案包 (四性检测 after GB/T 18894: 真实性 by each item's SHA-256 and the event log's
 * hash chain, 完整性 by the manifest against the zip both ways, 可用性 by formats that unpack and
 * parse, 安全性 by refusing what could harm the reader). Everything wrong is reported, by item, in
 * Chinese: changed, missing and extra items, a malformed manifest or one whose own digest differs, a
 * broken chain (which event), and files the case's record names that the package lacks. A hostile zip
 * (bomb, `../`, absolute names, duplicates, a huge manifest) is a report, never a crash.
 */
import { z } from 'zod';
import type { CaseState } from '#common/schemas/cases.js';
import type { PackageProblem, PackageReport } from '#common/schemas/archivePackage.js';
import { replay } from '../domain/caseReducer.js';
import { eventTypeNames, type CaseEvent } from '../domain/events.js';
import { eventHash } from '../store/eventHash.js';
import { genesisHash, sha256Hex } from '../store/hashing.js';
import { namedFiles } from './caseFiles.js';
import { checkVolumeSignatures } from './verifySignatures.js';
import {
  eventsPath,
  manifest as manifestSchema,
  manifestDigestPath,
  manifestIssue,
  manifestPath,
  maxEventsBytes,
  maxManifestBytes,
  type Manifest,
  type ManifestItem,
} from './manifest.js';
import {
  hashEntry,
  openPackage,
  PackageUnreadable,
  readEntry,
  type OpenedPackage,
  type PackageInput,
} from './zipReader.js';

/** The report lists this many problems; the rest are counted. */
const maxListed = 200;

export interface VerifiedPackage {
  report: PackageReport;
  /** Present when the manifest and the event log could be read (an import needs both, and `report.ok`). */
  manifest?: Manifest;
  events?: CaseEvent[];
  state?: CaseState;
}

const text = z.string().max(200);
const eventLine = z.object({
  id: text,
  caseId: text,
  seq: z.number().int().positive(),
  type: z.string().refine((t) => Object.hasOwn(eventTypeNames, t), '未知的事件类型'),
  payload: z.record(z.string(), z.unknown()),
  actorId: text,
  actorName: text,
  device: text,
  hlc: text,
  at: text,
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

class Problems {
  readonly list: PackageProblem[] = [];
  more = 0;
  add(p: PackageProblem): void {
    if (this.list.length < maxListed) this.list.push(p);
    else this.more++;
  }
  get count(): number {
    return this.list.length + this.more;
  }
}

/** Reads the manifest and checks its own digest; null (with the problems said) when it cannot be used. */
async function readManifest(pkg: OpenedPackage, problems: Problems): Promise<Manifest | null> {
  const entry = pkg.entries.get(manifestPath);
  if (!entry) {
    if (!pkg.untrusted.has(manifestPath))
      problems.add({ kind: 'manifest', path: manifestPath, message: '包中没有清单文件 manifest.json，无法校验' });
    return null;
  }
  const bytes = await readEntry(pkg, entry, maxManifestBytes);
  if (bytes === 'tooLarge') {
    problems.add({
      kind: 'manifest',
      path: manifestPath,
      message: `清单文件过大（不超过${maxManifestBytes / 1024 / 1024}MB），未读取`,
    });
    return null;
  }
  if (!bytes) {
    problems.add({ kind: 'manifest', path: manifestPath, message: '清单文件无法解压（已损坏）' });
    return null;
  }
  const digestEntry = pkg.entries.get(manifestDigestPath);
  const digest = digestEntry ? await readEntry(pkg, digestEntry, 1024) : null;
  const stated = digest instanceof Buffer ? /^([0-9a-f]{64})\b/.exec(digest.toString('utf8').trim())?.[1] : undefined;
  if (!digestEntry) {
    if (!pkg.untrusted.has(manifestDigestPath))
      problems.add({
        kind: 'manifest',
        path: manifestDigestPath,
        message: '包中没有清单的数字摘要文件 manifest.sha256',
      });
  } else if (!stated) {
    problems.add({ kind: 'manifest', path: manifestDigestPath, message: '清单的数字摘要文件格式不正确' });
  } else if (stated !== sha256Hex(bytes)) {
    problems.add({
      kind: 'manifest',
      path: manifestPath,
      message: '清单的数字摘要（SHA-256）与清单内容不符：清单在导出后被修改过',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    problems.add({ kind: 'manifest', path: manifestPath, message: '清单不是有效的UTF-8编码JSON' });
    return null;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    problems.add({ kind: 'manifest', path: manifestPath, message: manifestIssue(parsed.error) });
    return null;
  }
  const seen = new Set<string>();
  for (const item of parsed.data.items) {
    if (seen.has(item.path)) {
      problems.add({ kind: 'manifest', path: item.path, message: `清单重复列出了“${item.path}”` });
      return null;
    }
    seen.add(item.path);
  }
  return parsed.data;
}

/** Each listed item against the zip: intact, changed or missing; then what the zip holds beyond the list. */
async function checkItems(
  pkg: OpenedPackage,
  m: Manifest,
  problems: Problems,
  breathe: () => Promise<void>,
): Promise<number> {
  let intact = 0;
  for (const item of m.items) {
    await breathe();
    const entry = pkg.entries.get(item.path);
    if (!entry) {
      if (!pkg.untrusted.has(item.path))
        problems.add({ kind: 'missing', path: item.path, message: `缺少“${item.metadata.title}”（${item.path}）` });
      continue;
    }
    const got = await hashEntry(pkg, entry);
    if (!got) {
      problems.add({ kind: 'changed', path: item.path, message: `“${item.metadata.title}”无法解压（已损坏或已加密）` });
    } else if (got.sha256 !== item.sha256 || got.size !== item.size) {
      problems.add({
        kind: 'changed',
        path: item.path,
        message: `“${item.metadata.title}”已被改动：${
          got.size !== item.size ? `大小应为${item.size}字节，实为${got.size}字节` : '内容的SHA-256与清单不符'
        }`,
      });
    } else intact++;
  }
  const listed = new Set(m.items.map((i) => i.path));
  for (const name of pkg.entries.keys()) {
    if (name === manifestPath || name === manifestDigestPath || listed.has(name)) continue;
    problems.add({ kind: 'extra', path: name, message: `包中有清单未列出的文件“${name}”` });
  }
  return intact;
}

/** The event log: each line an event of this case, the chain unbroken from the first to the head the manifest names. */
async function readEvents(
  pkg: OpenedPackage,
  m: Manifest,
  item: ManifestItem | undefined,
  problems: Problems,
): Promise<CaseEvent[] | null> {
  const entry = item && pkg.entries.get(item.path);
  if (!item || !entry) {
    if (!item)
      problems.add({ kind: 'content', path: null, message: '清单中没有案件事件记录，无法核对案件的全过程记录' });
    return null;
  }
  const bytes = await readEntry(pkg, entry, maxEventsBytes);
  if (!(bytes instanceof Buffer)) return null; // reported as changed or too large above
  if (sha256Hex(bytes) !== item.sha256) return null; // reported as changed above
  const events: CaseEvent[] = [];
  const lines = bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  let prev = { seq: 0, hash: genesisHash };
  for (const [i, line] of lines.entries()) {
    const where = `第${i + 1}条事件`;
    let e: CaseEvent;
    try {
      const parsed = eventLine.safeParse(JSON.parse(line));
      if (!parsed.success) {
        problems.add({
          kind: 'chain',
          path: item.path,
          message: `${where}格式不正确：${manifestIssue(parsed.error).replace(/^清单格式不正确/, '')}`,
        });
        return null;
      }
      e = parsed.data as unknown as CaseEvent;
      const { hash, ...rest } = e;
      if (e.caseId !== m.case.id) {
        problems.add({ kind: 'chain', path: item.path, message: `${where}不属于本案（案件标识不符）` });
        return null;
      }
      if (eventHash(rest) !== hash) {
        problems.add({
          kind: 'chain',
          path: item.path,
          message: `哈希链在${where}（序号${e.seq}）断开：该事件的哈希值与其内容不符，记录被改动过`,
        });
        return null;
      }
      if (e.prevHash !== prev.hash || e.seq !== prev.seq + 1) {
        problems.add({
          kind: 'chain',
          path: item.path,
          message: `哈希链在${where}（序号${e.seq}）断开：没有接在前一条事件之后，记录被删改或调换过`,
        });
        return null;
      }
    } catch {
      problems.add({ kind: 'chain', path: item.path, message: `${where}不是有效的JSON` });
      return null;
    }
    events.push(e);
    prev = { seq: e.seq, hash: e.hash };
  }
  if (events.length !== m.case.events.count || prev.hash !== m.case.events.headHash) {
    problems.add({
      kind: 'chain',
      path: item.path,
      message: `事件记录与清单不符：清单为${m.case.events.count}条、末条哈希 ${m.case.events.headHash.slice(0, 16)}，包中为${events.length}条、末条哈希 ${prev.hash.slice(0, 16)}（记录被截断或追加过）`,
    });
    return null;
  }
  return events;
}

/** The case the events rebuild must be the one the manifest describes, and every file it names must be in the package. */
function checkContent(m: Manifest, state: CaseState, problems: Problems): void {
  if (state.number !== m.case.number)
    problems.add({
      kind: 'content',
      path: null,
      message: `清单的案号“${m.case.number}”与事件记录的案号“${state.number}”不符`,
    });
  const byHash = new Set(m.items.map((i) => i.sha256));
  for (const f of namedFiles(state)) {
    if (!byHash.has(f.hash))
      problems.add({
        kind: 'missing',
        path: null,
        message: `案件记录中的${f.what}不在档案包中（SHA-256 ${f.hash.slice(0, 16)}…）`,
      });
  }
  const volumeHashes = new Map(m.items.filter((i) => i.role === 'volume').map((i) => [i.path, i.sha256]));
  for (const v of m.case.volumes) {
    const named =
      state.dossier?.volumes?.find((x) => x.volume === v.volume)?.pdfHash ??
      (v.volume === '正卷' ? state.dossier?.pdfHash : undefined);
    if (!named || volumeHashes.get(v.path) !== named)
      problems.add({
        kind: 'content',
        path: v.path,
        message: `清单中的${v.volume}不是案件记录中最后一次组卷的${v.volume}`,
      });
  }
}

function summaryOf(ok: boolean, m: Manifest | null, problems: Problems): string {
  if (ok)
    return `电子档案包完好：案件${m?.case.number ?? ''}的${m?.items.length ?? 0}个文件与清单一致，事件记录哈希链完整`;
  const counts = new Map<string, number>();
  for (const p of problems.list) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const names: Record<string, string> = {
    changed: '被改动',
    missing: '缺失',
    extra: '多出',
    manifest: '清单问题',
    chain: '事件记录问题',
    content: '内容不一致',
    unsafe: '不安全的条目',
    zip: '无法读取',
    signature: '签章无效',
  };
  const parts = [...counts].map(([k, n]) => `${names[k] ?? k}${n}项`);
  return `电子档案包校验未通过：${parts.join('，')}${problems.more ? `，另有${problems.more}项未列出` : ''}`;
}

export async function verifyPackage(
  input: PackageInput,
  breathe: () => Promise<void> = async () => undefined,
): Promise<VerifiedPackage> {
  const problems = new Problems();
  let pkg: OpenedPackage;
  try {
    pkg = await openPackage(input);
  } catch (e) {
    if (!(e instanceof PackageUnreadable)) throw e;
    problems.add({ kind: 'zip', path: null, message: e.message });
    return { report: report(false, null, problems, 0, 0) };
  }
  try {
    for (const p of pkg.problems) problems.add(p);
    const m = await readManifest(pkg, problems);
    if (!m) return { report: report(false, null, problems, 0, 0) };
    const intact = await checkItems(pkg, m, problems, breathe);
    await checkVolumeSignatures(pkg, m, (p) => problems.add(p), breathe);
    const eventsItem = m.items.find((i) => i.role === 'events' && i.path === m.case.events.path);
    const events = await readEvents(pkg, m, eventsItem, problems);
    let state: CaseState | null = null;
    if (events) {
      try {
        state = replay(events);
      } catch {
        problems.add({
          kind: 'content',
          path: eventsPath,
          message: '事件记录无法重建案件（事件内容不完整或不属于本系统的版本）',
        });
      }
      if (state) checkContent(m, state, problems);
    }
    const ok = problems.count === 0;
    return {
      report: report(ok, m, problems, intact, events?.length ?? 0),
      manifest: m,
      ...(events ? { events } : {}),
      ...(state ? { state } : {}),
    };
  } finally {
    pkg.close();
  }
}

function report(ok: boolean, m: Manifest | null, problems: Problems, intact: number, events: number): PackageReport {
  return {
    ok,
    summary: summaryOf(ok, m, problems),
    caseNumber: m?.case.number ?? null,
    caseTitle: m?.case.title ?? null,
    exportedAt: m?.createdAt ?? null,
    items: m?.items.length ?? 0,
    intact,
    events,
    problems: problems.list,
    moreProblems: problems.more,
  };
}
