/**
 * Verifying an 电子档案包 without a core: a package written by writePackage from a small case's
 * events and files, then tampered with — one byte of the PDF, an item removed, one added, the manifest
 * edited (its digest then differs), an event changed — and hostile zips: a bomb, `../`, absolute names,
 * backslashes, duplicate names, a huge manifest, not a zip at all. Each is a report naming what is
 * wrong, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { buffer as collect } from 'node:stream/consumers';
import yazl from 'yazl';
import type { CaseEvent } from '../domain/events.js';
import { eventHash } from '../store/eventHash.js';
import { genesisHash, sha256Hex } from '../store/hashing.js';
import { eventsPath, manifestDigestPath, manifestPath, type Manifest, type ManifestItem } from './manifest.js';
import { manifestBytes, writePackage } from './writePackage.js';
import { verifyPackage } from './verifyPackage.js';
import { unsafePathReason } from './paths.js';
import { openPackage, readEntry } from './zipReader.js';

const caseId = 'case-1';
const pdf = Buffer.from(`%PDF-1.7\n${'卷宗内容 '.repeat(200)}\n%%EOF\n`);

function chain(bodies: Array<Pick<CaseEvent, 'type' | 'payload'>>): CaseEvent[] {
  let prev = genesisHash;
  return bodies.map((b, i) => {
    const e = {
      ...b,
      id: `ev-${i + 1}`,
      caseId,
      seq: i + 1,
      actorId: 'user-officer',
      actorName: '张三',
      device: 'desk-a',
      hlc: `${String(1_000 + i).padStart(15, '0')}-00000-desk-a`,
      at: `2026-03-02T0${i}:00:00.000Z`,
      prevHash: prev,
    } as Omit<CaseEvent, 'hash'>;
    const hash = eventHash(e);
    prev = hash;
    return { ...e, hash } as CaseEvent;
  });
}

const pdfHash = sha256Hex(pdf);
const events = chain([
  {
    type: 'case.opened',
    payload: {
      number: '黔环罚〔2026〕1号',
      bureauId: 'bureau-1',
      procedure: { id: 'ordinary', version: '2026.2' },
      startNode: 'filing',
      party: { enterpriseId: null, name: '某公司', uscc: '', legalRepresentative: '', address: '' },
      violation: {
        id: 'v',
        name: '超标排放',
        breached: [],
        penaltyArticle: { law: '法', article: '1' },
        band: { kind: 'none' },
        penaltyText: '',
      },
      officers: [],
      source: '现场检查',
      summary: '',
      discoveredOn: '2026-03-02',
      filedOn: '2026-03-02',
    },
  },
  {
    type: 'dossier.built',
    payload: {
      pdfHash,
      pages: 3,
      builtAt: '2026-03-02T05:00:00.000Z',
      volumes: [{ volume: '正卷', pdfHash, pages: 3 }],
    },
  },
] as unknown as Array<Pick<CaseEvent, 'type' | 'payload'>>);
const jsonl = Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''));

const metadata = (title: string): ManifestItem['metadata'] => ({
  title,
  documentNumber: null,
  author: '某局',
  date: '2026-03-02',
  retention: '30年',
  pages: null,
  formatName: 'PDF',
  draftState: null,
  volume: null,
  documentType: null,
  version: null,
  originalFileName: null,
  recordedBy: null,
  recordedAt: null,
  description: null,
});

const volumeItem: ManifestItem = {
  path: '卷宗/正卷.pdf',
  role: 'volume',
  sha256: pdfHash,
  size: pdf.length,
  mimeType: 'application/pdf',
  metadata: metadata('正卷'),
};
const eventsItem: ManifestItem = {
  path: eventsPath,
  role: 'events',
  sha256: sha256Hex(jsonl),
  size: jsonl.length,
  mimeType: 'application/jsonl',
  metadata: metadata('案件全过程记录'),
};
const manifest: Manifest = {
  format: 'anjuan-electronic-dossier',
  formatVersion: 1,
  basis: [],
  fieldNames: {},
  createdAt: '2026-03-03T00:00:00.000Z',
  createdBy: '张三',
  system: { name: '案卷', version: '0.1.0' },
  fonds: { bureauId: 'bureau-1', bureauName: '某局' },
  case: {
    id: caseId,
    number: '黔环罚〔2026〕1号',
    title: '某公司超标排放案',
    partyName: '某公司',
    violationName: '超标排放',
    filedOn: '2026-03-02',
    closedOn: null,
    retention: '30年',
    preparedBy: '张三',
    builtAt: '2026-03-02T05:00:00.000Z',
    volumes: [{ volume: '正卷', path: volumeItem.path, pages: 3, items: null, numberedPages: null }],
    events: { path: eventsPath, count: events.length, headHash: events.at(-1)!.hash },
  },
  items: [volumeItem, eventsItem],
};

async function goodPackage(): Promise<Buffer> {
  return collect(
    writePackage(
      manifest,
      [{ path: eventsPath, bytes: jsonl }],
      [{ item: volumeItem, open: () => Readable.from([pdf]) }],
    ),
  );
}

/** Every entry of a zip, unpacked (the test's own packages are small). */
async function entriesOf(zip: Buffer): Promise<Array<{ name: string; bytes: Buffer }>> {
  const pkg = await openPackage({ bytes: zip });
  const out: Array<{ name: string; bytes: Buffer }> = [];
  for (const e of pkg.entries.values()) out.push({ name: e.name, bytes: (await readEntry(pkg, e, 1e9)) as Buffer });
  pkg.close();
  return out;
}

/** A zip of these entries, as they are: yazl refuses unsafe names, so those are written as placeholders of the same length, then put in. */
async function zipOf(entries: Array<{ name: string; bytes: Buffer; compress?: boolean }>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  const swaps: Array<[Buffer, Buffer]> = [];
  entries.forEach((e, i) => {
    const real = Buffer.from(e.name);
    const unsafe = unsafePathReason(e.name) !== null;
    const placeholder = Buffer.from(`p${i}`.padEnd(real.length, 'x'));
    if (unsafe) swaps.push([placeholder, real]);
    z.addBuffer(e.bytes, unsafe ? placeholder.toString() : e.name, { compress: e.compress ?? false });
  });
  z.end();
  const bytes = await collect(z.outputStream);
  for (const [placeholder, real] of swaps) {
    for (let at = bytes.indexOf(placeholder); at >= 0; at = bytes.indexOf(placeholder, at + 1)) real.copy(bytes, at);
  }
  return bytes;
}

async function rewritten(edit: (entries: Array<{ name: string; bytes: Buffer }>) => void): Promise<Buffer> {
  const entries = await entriesOf(await goodPackage());
  edit(entries);
  return zipOf(entries);
}

const kinds = (r: { problems: Array<{ kind: string; path: string | null }> }) =>
  r.problems.map((p) => `${p.kind}:${p.path ?? ''}`);

describe('a package as exported', () => {
  it('verifies: every item intact, the chain whole', async () => {
    const v = await verifyPackage({ bytes: await goodPackage() });
    expect(v.report).toMatchObject({ ok: true, items: 2, intact: 2, events: 2, problems: [] });
    expect(v.state?.dossier?.pdfHash).toBe(pdfHash);
  });
});

describe('a tampered package names the item', () => {
  it('one byte of the PDF changed', async () => {
    const bytes = await rewritten((es) => {
      const e = es.find((x) => x.name === volumeItem.path)!;
      e.bytes = Buffer.from(e.bytes);
      e.bytes[100] = e.bytes[100]! ^ 1;
    });
    const { report } = await verifyPackage({ bytes });
    expect(report.ok).toBe(false);
    expect(kinds(report)).toContain(`changed:${volumeItem.path}`);
    expect(report.problems.find((p) => p.kind === 'changed')?.message).toMatch(/正卷.*已被改动.*SHA-256/);
  });

  it('an item removed and one added: missing and extra', async () => {
    const bytes = await rewritten((es) => {
      es.splice(
        es.findIndex((x) => x.name === volumeItem.path),
        1,
      );
      es.push({ name: '证据/加塞.jpg', bytes: Buffer.from('not in the manifest') });
    });
    const { report } = await verifyPackage({ bytes });
    expect(kinds(report)).toEqual(expect.arrayContaining([`missing:${volumeItem.path}`, 'extra:证据/加塞.jpg']));
    expect(report.summary).toMatch(/缺失1项.*多出1项|多出1项.*缺失1项/);
  });

  it('the manifest edited: its own digest does not match', async () => {
    const bytes = await rewritten((es) => {
      const e = es.find((x) => x.name === manifestPath)!;
      e.bytes = Buffer.from(e.bytes.toString('utf8').replace('某公司超标排放案', '另一案'));
    });
    const { report } = await verifyPackage({ bytes });
    expect(report.problems[0]).toMatchObject({ kind: 'manifest', message: expect.stringMatching(/数字摘要.*不符/) });
  });

  it('a malformed manifest (with a matching digest) is reported, not thrown', async () => {
    const bad = Buffer.from('{"format":"anjuan-electronic-dossier","formatVersion":1,"items":"x"}');
    const bytes = await rewritten((es) => {
      es.find((x) => x.name === manifestPath)!.bytes = bad;
      es.find((x) => x.name === manifestDigestPath)!.bytes = Buffer.from(`${sha256Hex(bad)}  manifest.json\n`);
    });
    const { report } = await verifyPackage({ bytes });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'manifest', message: expect.stringMatching(/清单格式不正确/) });
  });

  it('an event changed and the manifest re-digested: the chain breaks at that event', async () => {
    const changed = jsonl.toString('utf8').replace('"pages":3', '"pages":4');
    const m: Manifest = {
      ...manifest,
      items: [volumeItem, { ...eventsItem, sha256: sha256Hex(changed), size: Buffer.byteLength(changed) }],
    };
    const { manifest: mBytes, digest } = manifestBytes(m);
    const bytes = await rewritten((es) => {
      es.find((x) => x.name === eventsPath)!.bytes = Buffer.from(changed);
      es.find((x) => x.name === manifestPath)!.bytes = mBytes;
      es.find((x) => x.name === manifestDigestPath)!.bytes = digest;
    });
    const { report } = await verifyPackage({ bytes });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'chain', message: expect.stringMatching(/第2条事件.*哈希值与其内容不符/) }),
    ]);
  });
});

describe('a hostile zip is a report, never a throw', () => {
  const good = async () => entriesOf(await goodPackage());

  it.each([
    ['../逃逸.txt', /“\.\.”/],
    ['/etc/passwd', /绝对路径/],
    ['C:/Windows/x.dll', /绝对路径/],
    ['卷宗\\..\\x.pdf', /反斜杠/],
  ])('an entry named %s', async (name, why) => {
    const bytes = await zipOf([...(await good()), { name, bytes: Buffer.from('x') }]);
    const { report } = await verifyPackage({ bytes });
    expect(report.ok).toBe(false);
    expect(report.problems.find((p) => p.kind === 'unsafe')?.message).toMatch(why);
  });

  it('the same name twice: neither copy is taken', async () => {
    const entries = await good();
    const bytes = await zipOf([...entries, { name: volumeItem.path, bytes: Buffer.from('a second 正卷') }]);
    const { report } = await verifyPackage({ bytes });
    expect(report.problems.find((p) => p.kind === 'unsafe')).toMatchObject({
      path: volumeItem.path,
      message: expect.stringMatching(/出现2次/),
    });
    expect(report.intact).toBe(1);
  });

  it('a zip bomb: refused from its directory, before anything is unpacked', async () => {
    const bytes = await zipOf([{ name: 'bomb.bin', bytes: Buffer.alloc(16 * 1024 * 1024), compress: true }]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { report } = await verifyPackage({ bytes });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'zip', message: expect.stringMatching(/压缩炸弹/) }),
    ]);
  });

  it('a huge manifest is not read', async () => {
    const entries = (await good()).filter((e) => e.name !== manifestPath);
    const huge = Buffer.alloc(17 * 1024 * 1024, 0x20);
    const bytes = await zipOf([{ name: manifestPath, bytes: huge }, ...entries]);
    const { report } = await verifyPackage({ bytes });
    expect(report.problems.find((p) => p.kind === 'manifest')?.message).toMatch(/清单文件过大/);
  });

  it('not a zip, or an empty one', async () => {
    const notZip = await verifyPackage({ bytes: Buffer.from('这不是压缩包') });
    expect(notZip.report.problems[0]).toMatchObject({ kind: 'zip', message: expect.stringMatching(/不是有效的zip/) });
    const empty = await verifyPackage({ bytes: await zipOf([]) });
    expect(empty.report.problems[0]).toMatchObject({ kind: 'manifest', message: expect.stringMatching(/没有清单/) });
  });
});
