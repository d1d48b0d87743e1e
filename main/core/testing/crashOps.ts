/**
 * The operations the crash harness (crashHarness.ts) kills half-way, each driven through the public
 * operations as a clerk would: what it does, how much of it is on disk after a kill (for the
 * summary), the rules the data must keep whatever the point of the kill, and what "done" means when
 * it is redone.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { FakeClock, type callerFor } from './testCore.js';
import { chunk } from './png.js';
import { sampleFields } from './sampleFields.js';
import { seededRandom } from '../seed/random.js';
import type { CoreOptions } from '../core.js';
import type { Services } from '../services.js';
import { quickPdfEngines } from './quickPdfEngine.js';

export const crashOpNames = ['documents', 'import', 'evidence', 'dossier'] as const;
export type CrashOpName = (typeof crashOpNames)[number];

/** The prepared data directory and what the operations need to know about it (written next to it as JSON). */
export interface CrashBase {
  dataDir: string;
  caseId: string;
  /** The core's date while the operations run. */
  today: string;
  /** `quick`: the stand-in engine (quickPdfEngine.ts); `chromium`: the real one. */
  engine: 'quick' | 'chromium';
  importFile: string;
  importFileName: string;
  /** The file's 统一社会信用代码, in file order (every row is good). */
  importUsccs: string[];
  /** Enterprises in the directory that the file does not name: an import never touches them. */
  enterprisesOutsideFile: number;
  /** How many versions of the 现场检查笔录 the case has before the operation. */
  inspectionVersions: number;
  evidenceBefore: number;
  photosPerRun: number;
  /** Files of the prepared directory other than the database and blobs (whatever the core keeps there): expected after a kill too. */
  otherFiles: string[];
}

export type Call = ReturnType<typeof callerFor>;
/** `token`: the head's session — a head may do all four operations, and one login (scrypt) per process is enough. */
export interface OpContext {
  call: Call;
  token: string;
  base: CrashBase;
}

/** The core options of every core the harness opens on a copy of the base (the child's and the checker's). */
export function coreOptionsFor(base: CrashBase): Omit<CoreOptions, 'dataDir'> {
  return {
    clock: new FakeClock(new Date(`${base.today}T10:00:00+08:00`)),
    pdfEngine: 'chromium',
    ...(base.engine === 'quick' ? { pdfEngines: quickPdfEngines } : {}),
  };
}

export async function loginHead(call: Call): Promise<string> {
  return (await call(null, 'session.login', { username: 'head', password: 'head123' })).token;
}

/** A PNG of noise (it does not compress): a photo of the size a camera's resized copy has, so its write takes a while. */
export function noisePng(width: number, height: number, seed: number): Buffer {
  const rnd = seededRandom(seed);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let i = 0; i < raw.length; i++) raw[i] = i % (width * 3 + 1) === 0 ? 0 : Math.floor(rnd() * 256);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface CrashOp {
  name: CrashOpName;
  /** The operation, to its end. */
  run(ctx: OpContext): Promise<void>;
  /** How much of it is on disk (a short label for the summary). */
  progress(s: Services, base: CrashBase): string;
  /** Rules of this operation's data that must hold after a kill anywhere; each breach in words. */
  check(s: Services, base: CrashBase): string[];
  /** After a redo: what is missing for the operation to count as done. */
  incomplete(s: Services, base: CrashBase): string[];
}

const inspections = (s: Services, base: CrashBase) =>
  s.cases.get(base.caseId).documents.filter((d) => d.type === 'inspection-record');

/** 现场检查笔录: generated (a new version with its own text), converted to PDF, 定稿 (sealed, hashed, filed). */
const documents: CrashOp = {
  name: 'documents',
  async run({ call, token, base }) {
    const view = await call(token, 'cases.get', { caseId: base.caseId });
    const versions = view.state.documents.filter((d) => d.type === 'inspection-record');
    const tpl = (await call(token, 'templates.list', {})).find((t) => t.id === 'inspection-record')!;
    const fields = sampleFields(tpl, { today: base.today });
    fields.inspectionFindings = `${fields.inspectionFindings}（第${versions.length + 1}稿）`;
    const doc = await call(token, 'documents.generate', {
      caseId: base.caseId,
      type: 'inspection-record',
      fields,
      ...(versions.at(-1)?.finalised ? { correctionReason: '补记检查情况' } : {}),
    });
    await call(token, 'documents.pdf', { caseId: base.caseId, documentId: doc.id });
    await call(token, 'documents.finalise', { caseId: base.caseId, documentId: doc.id });
  },
  progress(s, base) {
    const docs = inspections(s, base);
    if (docs.length === base.inspectionVersions) return 'not generated';
    const latest = docs.at(-1)!;
    if (latest.finalised) return 'finalised';
    const pdf = s.db.prepare('SELECT 1 FROM derived_pdfs WHERE docx_hash = ?').get(latest.docxHash);
    return pdf ? 'generated, PDF made' : 'generated';
  },
  check(s, base) {
    const docs = inspections(s, base);
    const out: string[] = [];
    if (docs.length > base.inspectionVersions + 1)
      out.push(`documents: ${docs.length - base.inspectionVersions} new versions after one generation`);
    docs.forEach((d, i) => {
      if (d.version !== i + 1) out.push(`documents: version ${d.version} at place ${i + 1}`);
    });
    return out;
  },
  incomplete(s, base) {
    const latest = inspections(s, base).at(-1);
    return latest && latest.version > base.inspectionVersions && latest.finalised
      ? []
      : ['documents: the redone 现场检查笔录 is not finalised'];
  },
};

const fileUsccs = (s: Services, base: CrashBase): Set<string> =>
  new Set(
    (
      s.db.prepare('SELECT uscc FROM enterprises WHERE source = ?').all(base.importFileName) as Array<{ uscc: string }>
    ).map((r) => r.uscc),
  );

/** enterprises.import of the provincial file (uploaded, as the UI sends it). */
const enterpriseImport: CrashOp = {
  name: 'import',
  async run({ call, token, base }) {
    const contentBase64 = readFileSync(base.importFile).toString('base64');
    const reply = (await call(token, 'enterprises.import', {
      fileName: base.importFileName,
      contentBase64,
    })) as unknown;
    await untilImported(call, token, reply);
  },
  progress(s, base) {
    const k = fileUsccs(s, base).size;
    return k === 0
      ? 'none imported'
      : k === base.importUsccs.length
        ? 'all imported'
        : `partly imported: ${k} of ${base.importUsccs.length}`;
  },
  check(s, base) {
    const out: string[] = [];
    const present = fileUsccs(s, base);
    // Batches commit in file order (api/enterpriseImport.ts): what is there is the file's first rows, never a scatter.
    const prefix = base.importUsccs.slice(0, present.size);
    if (!prefix.every((u) => present.has(u)))
      out.push(`import: ${present.size} rows present but not the file's first ${present.size}`);
    const inFile = new Set(base.importUsccs);
    const all = (s.db.prepare('SELECT uscc FROM enterprises').all() as Array<{ uscc: string }>).map((r) => r.uscc);
    const others = all.filter((u) => !inFile.has(u)).length;
    if (others !== base.enterprisesOutsideFile)
      out.push(`import: ${others} enterprises outside the file, expected ${base.enterprisesOutsideFile}`);
    const indexed = (s.db.prepare('SELECT COUNT(*) AS n FROM enterprises_fts').get() as { n: number }).n;
    if (indexed !== all.length) out.push(`import: search index holds ${indexed} rows for ${all.length} enterprises`);
    return out;
  },
  incomplete(s, base) {
    const k = fileUsccs(s, base).size;
    return k === base.importUsccs.length ? [] : [`import: ${k} of ${base.importUsccs.length} rows after the redo`];
  },
};

/**
 * enterprises.import answers its report, or (run as a job, jobs/jobRunner.ts) `{ jobId }` to follow
 * with jobs.get until the job is over: either is followed to the end.
 */
async function untilImported(call: Call, token: string, reply: unknown): Promise<void> {
  const jobId = (reply as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId !== 'string') return;
  const get = call as unknown as (
    t: string,
    op: string,
    input: unknown,
  ) => Promise<{ state: string; error?: { message: string } | null }>;
  for (;;) {
    const job = await get(token, 'jobs.get', { jobId });
    if (job.state === 'done') return;
    if (job.state !== 'running') throw new Error(`import job ${job.state}: ${job.error?.message ?? ''}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** evidence.add: the photos of a site visit, one after the other. */
const evidence: CrashOp = {
  name: 'evidence',
  async run({ call, token, base }) {
    for (let i = 0; i < base.photosPerRun; i++) {
      await call(token, 'evidence.add', {
        caseId: base.caseId,
        kind: 'photo',
        fileName: `现场照片${i + 1}.png`,
        description: `现场照片 ${i + 1}`,
        takenOn: base.today,
        contentBase64: noisePng(480, 360, 100 + i).toString('base64'),
      });
    }
  },
  progress(s, base) {
    return `${s.cases.get(base.caseId).evidence.length - base.evidenceBefore} of ${base.photosPerRun} photos added`;
  },
  check() {
    return [];
  },
  incomplete(s, base) {
    const added = s.cases.get(base.caseId).evidence.length - base.evidenceBefore;
    return added >= base.photosPerRun ? [] : [`evidence: ${added} photos after the redo`];
  },
};

/** dossier.build: every document to PDF, the volumes bound and stored, the event recorded. */
const dossier: CrashOp = {
  name: 'dossier',
  async run({ call, token, base }) {
    await call(token, 'dossier.build', { caseId: base.caseId, retention: '30年' });
  },
  progress(s, base) {
    if (s.cases.get(base.caseId).dossier) return 'built';
    const pdfs = (s.db.prepare('SELECT COUNT(*) AS n FROM derived_pdfs').get() as { n: number }).n;
    return pdfs ? 'not built (some PDFs made)' : 'not built';
  },
  check() {
    return [];
  },
  incomplete(s, base) {
    const d = s.cases.get(base.caseId).dossier;
    return d && d.volumes?.every((v) => s.blobs.has(v.pdfHash)) !== false && s.blobs.has(d.pdfHash)
      ? []
      : ['dossier: no bound dossier after the redo'];
  },
};

export const crashOps: Record<CrashOpName, CrashOp> = { documents, import: enterpriseImport, evidence, dossier };
