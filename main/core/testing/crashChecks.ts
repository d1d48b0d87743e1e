/**
 * What must hold in a data directory after a kill -9 at any point (crash harness, crashHarness.ts):
 * a fresh core starts with a clean start-up report, every case's hash chain verifies, every
 * projection equals a rebuild from its events, every file a row refers to is there with its hash,
 * case and document numbers have neither gaps nor repeats, no file is left that the core's start-up
 * sweep does not clean, the operation's own rules hold (crashOps.ts), and the operation can be redone.
 * Each breach comes back in words; none is thrown.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createCore, type Core } from '../core.js';
import { replay } from '../domain/caseReducer.js';
import { verifyChain } from '../store/eventLog.js';
import { removeStaleTempFiles } from '../dataFiles.js';
import { databaseFile } from '../backup/layout.js';
import type { Services } from '../services.js';
import { sealImageSetting } from '#core/application/settings.js';
import { callerFor } from './testCore.js';
import { coreOptionsFor, crashOps, loginHead, type CrashBase, type CrashOpName } from './crashOps.js';

export interface DirCheck {
  violations: string[];
  /** How much of the operation was on disk after the kill (crashOps' progress). */
  progress: string;
  /** Temporary files the killed write left, all removed by the start-up sweep once stale. */
  tempFiles: number;
  /** Blob files no row refers to (a write whose transaction never committed): harmless, counted. */
  orphanBlobs: number;
}

const hex64 = /^[0-9a-f]{64}$/;

/** Every blob hash a case refers to: documents, sealed PDFs, evidence, the bound volumes (any `…Hash` but the chain's). */
function referencedHashes(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) referencedHashes(v, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    const blobKey = (k.endsWith('Hash') && k !== 'lastHash' && k !== 'prevHash') || (k === 'hash' && 'mimeType' in o);
    if (blobKey && typeof v === 'string' && hex64.test(v)) out.add(v);
    else referencedHashes(v, out);
  }
}

function caseViolations(s: Services): string[] {
  const out: string[] = [];
  const logged = (s.db.prepare('SELECT DISTINCT case_id AS id FROM case_events').all() as Array<{ id: string }>)
    .map((r) => r.id)
    .sort();
  const projected = (s.db.prepare('SELECT id FROM cases').all() as Array<{ id: string }>).map((r) => r.id).sort();
  if (!isDeepStrictEqual(logged, projected))
    out.push(`cases: ${projected.length} projections for ${logged.length} event logs`);
  for (const id of logged) {
    const events = s.cases.log.forCase(id);
    const chain = verifyChain(events);
    if (!chain.valid) out.push(`case ${id}: hash chain broken at event ${chain.brokenAt}`);
    if (!isDeepStrictEqual(replay(events), s.cases.projection.get(id)))
      out.push(`case ${id}: projection differs from a replay of its ${events.length} events`);
  }
  // The projection rows themselves (list columns too) equal what a rebuild writes: rebuilt inside a savepoint, compared, rolled back.
  const rows = () => s.db.prepare('SELECT * FROM cases ORDER BY id').all();
  const stored = rows();
  s.db.exec('SAVEPOINT crash_check');
  try {
    s.cases.rebuildAll();
    if (!isDeepStrictEqual(rows(), stored)) out.push('cases: projection rows differ from a rebuild from the events');
  } finally {
    s.db.exec('ROLLBACK TO crash_check');
    s.db.exec('RELEASE crash_check');
  }
  return out;
}

function blobViolations(s: Services): { violations: string[]; rows: Set<string> } {
  const out: string[] = [];
  const rows = new Set((s.db.prepare('SELECT hash FROM blobs').all() as Array<{ hash: string }>).map((r) => r.hash));
  for (const h of rows)
    if (!s.blobs.has(h)) out.push(`blob ${h.slice(0, 12)}…: recorded but its file is missing or damaged`);
  const refs = new Set<string>();
  for (const r of s.db.prepare('SELECT state FROM cases').all() as Array<{ state: string }>)
    referencedHashes(JSON.parse(r.state), refs);
  for (const r of s.db.prepare('SELECT payload FROM case_events').all() as Array<{ payload: string }>)
    referencedHashes(JSON.parse(r.payload), refs);
  for (const r of s.db.prepare('SELECT docx_hash, pdf_hash FROM derived_pdfs').all() as Array<{
    docx_hash: string;
    pdf_hash: string;
  }>) {
    refs.add(r.docx_hash);
    refs.add(r.pdf_hash);
  }
  // Photo thumbnails (derived, like the PDFs), where this version of the schema has them.
  if (s.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'thumbnails'").get()) {
    for (const r of s.db.prepare('SELECT source_hash, thumb_hash FROM thumbnails').all() as Array<{
      source_hash: string;
      thumb_hash: string;
    }>) {
      refs.add(r.source_hash);
      refs.add(r.thumb_hash);
    }
  }
  const seal = sealImageSetting(s);
  if (seal) refs.add(seal);
  for (const h of refs) {
    if (!rows.has(h)) out.push(`blob ${h.slice(0, 12)}…: referred to but not recorded in blobs`);
    else if (!s.blobs.has(h)) out.push(`blob ${h.slice(0, 12)}…: referred to but its file is missing or damaged`);
  }
  return { violations: out, rows };
}

/** 案号 and 文号: for each sequence, the numbers on record are exactly 1…last (a rolled-back action gave its number back). */
function numberViolations(s: Services): string[] {
  const out: string[] = [];
  const seqOf = (n: string | null | undefined, year: number) => {
    const m = /〔(\d{4})〕(\d+)号/.exec(n ?? '');
    return m && Number(m[1]) === year ? Number(m[2]) : null;
  };
  const states = (s.db.prepare('SELECT state FROM cases').all() as Array<{ state: string }>).map(
    (r) => JSON.parse(r.state) as ReturnType<Services['cases']['get']>,
  );
  for (const q of s.db.prepare('SELECT kind, year, last FROM sequences').all() as Array<{
    kind: string;
    year: number;
    last: number;
  }>) {
    const used = new Set<number>();
    for (const st of states) {
      if (q.kind === 'case') {
        const n = seqOf(st.number, q.year);
        if (n !== null) used.add(n);
      }
      for (const d of st.documents)
        if (d.type === q.kind) {
          const n = seqOf(d.number, q.year);
          if (n !== null) used.add(n);
        }
    }
    const expected = Array.from({ length: q.last }, (_, i) => i + 1);
    if (
      !isDeepStrictEqual(
        [...used].sort((a, b) => a - b),
        expected,
      )
    )
      out.push(`numbers ${q.kind} ${q.year}: ${used.size} used for a sequence at ${q.last}`);
  }
  return out;
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Files a data directory may hold after the operations the harness runs: the database, its WAL, blobs (and what the base had). */
export const dataFile = new RegExp(
  `^(${databaseFile.replace('.', '\\.')}(-wal|-shm)?|blobs/[0-9a-f]{2}/[0-9a-f]{62})$`,
);

/**
 * Opens the directory with a fresh core, checks it, redoes the operation (unless `redo` is false:
 * after an uninterrupted run it is done already), checks again, closes.
 */
export async function checkDataDir(dir: string, base: CrashBase, opName: CrashOpName, redo = true): Promise<DirCheck> {
  const op = crashOps[opName];
  const violations: string[] = [];
  let core: Core;
  try {
    core = await createCore({ ...coreOptionsFor(base), dataDir: dir });
  } catch (e) {
    return {
      violations: [`the core does not start: ${e instanceof Error ? e.message : String(e)}`],
      progress: 'unknown',
      tempFiles: 0,
      orphanBlobs: 0,
    };
  }
  let progress = 'unknown';
  let orphanBlobs = 0;
  try {
    const s = core.services;
    const call = callerFor(core);
    const token = await loginHead(call);
    const report = await call(token, 'app.startupReport', {});
    // Our operations write no data files: a set-aside one would be a file a kill left damaged.
    for (const w of report.warnings) violations.push(`start-up report: ${w.file} set aside (${w.reason ?? 'earlier'})`);
    progress = op.progress(s, base);
    // SQLite's own view of the file, whatever the core checks at open (it may defer part of it).
    const integrity = String(s.db.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') violations.push(`database: integrity_check says ${integrity.slice(0, 200)}`);
    violations.push(...caseViolations(s), ...numberViolations(s), ...op.check(s, base));
    const blobs = blobViolations(s);
    violations.push(...blobs.violations);
    orphanBlobs = listFiles(dir).filter(
      (f) => f.startsWith('blobs/') && dataFile.test(f) && !blobs.rows.has(f.slice(6, 8) + f.slice(9)),
    ).length;
    if (redo) {
      try {
        await op.run({ call, token, base });
        violations.push(
          ...op.incomplete(s, base).map((v) => `redo: ${v}`),
          ...caseViolations(s).map((v) => `after the redo: ${v}`),
        );
      } catch (e) {
        violations.push(`redo failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      violations.push(...op.incomplete(s, base));
    }
  } catch (e) {
    violations.push(`check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } finally {
    await core.close();
  }
  // What is left besides the database and whole blobs must be temporary files the start-up sweep removes once stale.
  const known = new Set(base.otherFiles);
  const strays = () => listFiles(dir).filter((f) => !dataFile.test(f) && !known.has(f));
  const left = strays();
  removeStaleTempFiles(dir, new Date(Date.now() + 2 * 3600_000));
  for (const f of strays()) violations.push(`file left that the start-up sweep does not remove: ${f}`);
  if (!existsSync(join(dir, databaseFile))) violations.push('the database file is gone');
  return { violations, progress, tempFiles: left.length - strays().length, orphanBlobs };
}
