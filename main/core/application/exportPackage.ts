/**
 * `dossier.exportPackage` (导出电子档案包): the case's file as one zip that leaves the PC and can be
 * verified and imported elsewhere — the volumes as last bound, every document's DOCX and PDF, every
 * evidence file, the event log verbatim with its hashes, and manifest.json describing each item after
 * DA/T 46 (archive/manifest.ts). Run as a job with progress; the zip is streamed into the blob store,
 * never held in memory, and read through the case like the dossier itself (store/dossierPackages.ts).
 */
import { AppError } from '#common/errors.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import type { PackageExported } from '#common/schemas/archivePackage.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import type { JobControl } from '#core/jobs/jobRunner.js';
import { DossierPackages } from '#core/store/dossierPackages.js';
import { currentDocuments } from '#core/dossier/buildCaseDossier.js';
import { volumeOf } from '#core/dossier/volumes.js';
import { lastFileChange } from '#core/domain/lastFileChange.js';
import { boundVolumes } from '#core/archive/caseFiles.js';
import {
  eventsPath,
  fieldNames,
  formatName,
  packageFormat,
  packageFormatVersion,
  type ItemMetadata,
  type Manifest,
  type ManifestItem,
} from '#core/archive/manifest.js';
import { safeName, seqPrefix, uniquePaths } from '#core/archive/paths.js';
import { writePackage, type PackageFile } from '#core/archive/writePackage.js';
import { sha256Hex } from '#core/store/hashing.js';
import { referencedHashes } from './fileAccess.js';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const evidenceKinds: Record<string, string> = {
  photo: '现场照片',
  scan: '书证扫描件',
  office: '电子文件',
  audio: '录音',
  video: '录像',
  sampling: '采样记录',
  other: '其他证据',
  execution: '执行凭证',
};

export const basis = [
  'DA/T 46-2009 文书类电子文件元数据方案（元数据字段）',
  'DA/T 48-2009 基于XML的电子文件封装规范（封装思路；本包以zip和JSON实现）',
  'GB/T 18894-2016 电子文件归档与电子档案管理规范（四性检测）',
];

/** The binding must be the file as it stands: bound, and not older than the last document or evidence change. */
export function refuseUnlessBound(state: CaseState): void {
  const d = state.dossier;
  if (!d) throw new AppError('ACTION_NOT_ALLOWED', '本案尚未组卷：请先在“卷宗”中组卷，再导出电子档案包');
  if (lastFileChange(state) > d.builtAt)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `组卷（${d.builtAt.slice(0, 10)}）之后文书或证据又有变动：请重新组卷后再导出电子档案包`,
    );
}

export function packageFileName(number: string): string {
  return `${safeName(number, 120)}-电子档案.zip`;
}

function meta(m: Partial<ItemMetadata> & Pick<ItemMetadata, 'title' | 'author' | 'formatName'>): ItemMetadata {
  return {
    documentNumber: null,
    date: null,
    retention: null,
    pages: null,
    draftState: null,
    volume: null,
    documentType: null,
    version: null,
    originalFileName: null,
    recordedBy: null,
    recordedAt: null,
    description: null,
    ...m,
  };
}

export async function exportPackage(
  services: Services,
  user: UserRow,
  caseId: string,
  ctl: JobControl,
): Promise<PackageExported> {
  const state = services.cases.get(caseId);
  refuseUnlessBound(state);
  const dossier = state.dossier!;
  const bureau = services.bureau();
  const author = bureau.name;
  const retention = dossier.retention ?? null;
  const caseTitle = `${state.party.name}${state.violation.name}案`;
  const unique = uniquePaths();
  const files: PackageFile[] = [];
  const add = (item: Omit<ManifestItem, 'size'>, size?: number): void => {
    const hash = item.sha256;
    files.push({
      item: { ...item, size: size ?? services.blobs.size(hash) },
      open: () => services.blobs.openStream(hash).stream,
    });
  };

  // 卷宗: the volumes as last bound.
  const volumes = boundVolumes(state).map((v) => {
    const path = unique(`卷宗/${v.volume}.pdf`);
    add({
      path,
      role: 'volume',
      sha256: v.pdfHash,
      mimeType: 'application/pdf',
      metadata: meta({
        title: `${state.number} ${caseTitle}（${v.volume}）`,
        author,
        date: dossier.builtAt.slice(0, 10),
        retention,
        pages: v.pages,
        formatName: formatName('application/pdf'),
        draftState: '正本',
        volume: v.volume,
        recordedBy: dossier.preparedBy ?? null,
        recordedAt: dossier.builtAt,
        description: `${v.volume}：共${v.items ?? '—'}件${v.numberedPages ?? v.pages}页（含封面、卷内目录、备考表共${v.pages}页）`,
      }),
    });
    return { volume: v.volume, path, pages: v.pages, items: v.items, numberedPages: v.numberedPages };
  });

  // 文书: every version's DOCX; the sealed PDF of a finalised one, else the PDF bound for the current version.
  ctl.progress('准备文书的PDF', 0, state.documents.length);
  const current = new Set(currentDocuments(state.documents));
  for (const [i, d] of state.documents.entries()) {
    await ctl.breathe();
    const base = `文书/${seqPrefix(i, state.documents.length)}-${safeName(d.name, 60)}-第${d.version}版`;
    const common = (x: DocumentRecord) => ({
      title: x.name.replace(/[《》]/g, ''),
      documentNumber: x.number,
      author,
      date: x.generatedAt.slice(0, 10),
      retention,
      volume: volumeOf(x.type, services.manifest),
      documentType: documentTypeName(x.type),
      version: x.version,
      description: x.correctionReason
        ? `更正：${x.correctionReason}`
        : x.origin === 'reimported'
          ? '导入的修改稿'
          : null,
    });
    add({
      path: unique(`${base}.docx`),
      role: 'document-docx',
      sha256: d.docxHash,
      mimeType: docxMime,
      metadata: meta({
        ...common(d),
        formatName: formatName(docxMime),
        draftState: d.finalised ? '定稿' : '草稿',
        recordedBy: d.generatedBy,
        recordedAt: d.generatedAt,
      }),
    });
    const pdf = d.finalised
      ? { pdfHash: d.finalised.pdfHash, pages: d.finalised.pages, sealed: true }
      : current.has(d)
        ? { ...(await services.pdf.pdfFor(d.docxHash)), sealed: false }
        : null;
    if (pdf)
      add({
        path: unique(`${base}${pdf.sealed ? '-盖章' : ''}.pdf`),
        role: 'document-pdf',
        sha256: pdf.pdfHash,
        mimeType: 'application/pdf',
        metadata: meta({
          ...common(d),
          pages: pdf.pages,
          formatName: formatName('application/pdf'),
          draftState: pdf.sealed ? '正本' : '草稿',
          recordedBy: d.finalised?.by ?? d.generatedBy,
          recordedAt: d.finalised?.at ?? d.generatedAt,
        }),
      });
    ctl.progress('准备文书的PDF', i + 1, state.documents.length);
  }

  // 证据: each file as uploaded.
  for (const [i, e] of state.evidence.entries()) {
    add({
      path: unique(`证据/${seqPrefix(i, state.evidence.length)}-${safeName(e.fileName, 80)}`),
      role: 'evidence',
      sha256: e.hash,
      mimeType: e.mimeType,
      metadata: meta({
        title: e.description || e.fileName,
        author,
        date: e.takenOn,
        retention,
        formatName: formatName(e.mimeType),
        volume: '正卷',
        documentType: evidenceKinds[e.kind] ?? e.kind,
        originalFileName: e.fileName,
        recordedBy: e.addedBy,
        recordedAt: e.addedAt,
      }),
    });
  }

  // Any other file the record names (a later kind of record): carried so the case shows the same elsewhere.
  const listed = new Set(files.map((f) => f.item.sha256));
  for (const h of referencedHashes(state)) {
    if (listed.has(h) || h === state.lastHash || !services.blobs.has(h)) continue;
    listed.add(h);
    add({
      path: unique(`其他/${h.slice(0, 16)}`),
      role: 'other',
      sha256: h,
      mimeType: services.blobs.mimeType(h),
      metadata: meta({ title: '案件记录引用的文件', author, formatName: formatName(services.blobs.mimeType(h)) }),
    });
  }

  // 记录: the event log verbatim, one event a line, each with its hash and its predecessor's.
  const events = services.cases.log.forCase(caseId);
  const jsonl = Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
  const head = events.at(-1)?.hash ?? '';
  const eventsItem: ManifestItem = {
    path: eventsPath,
    role: 'events',
    sha256: sha256Hex(jsonl),
    size: jsonl.length,
    mimeType: 'application/jsonl',
    metadata: meta({
      title: `${state.number} 案件全过程记录`,
      author,
      date: events.at(-1)?.at.slice(0, 10) ?? null,
      retention,
      formatName: formatName('application/jsonl'),
      description: `共${events.length}条事件，每条含其哈希和前一条的哈希（SHA-256），末条哈希 ${head}`,
    }),
  };

  const createdAt = services.clock.now().toISOString();
  const manifest: Manifest = {
    format: packageFormat,
    formatVersion: packageFormatVersion,
    basis,
    fieldNames: { ...fieldNames },
    createdAt,
    createdBy: user.name,
    system: { name: '案卷 Anjuan', version: process.env.npm_package_version ?? '0.1.0' },
    fonds: { bureauId: state.bureauId, bureauName: bureau.name },
    case: {
      id: state.id,
      number: state.number,
      title: caseTitle,
      partyName: state.party.name,
      violationName: state.violation.name,
      filedOn: state.filedOn,
      closedOn: state.closedOn,
      retention,
      preparedBy: dossier.preparedBy ?? null,
      builtAt: dossier.builtAt,
      volumes,
      events: { path: eventsPath, count: events.length, headHash: head },
    },
    items: [...files.map((f) => f.item), eventsItem],
  };

  // Streaming into the store cannot be stopped half-way cleanly; it is short next to the preparation.
  ctl.pastCancelling('写入电子档案包');
  ctl.progress('写入电子档案包', 0, files.length);
  const zip = writePackage(manifest, [{ path: eventsPath, bytes: jsonl }], files, (done) =>
    ctl.progress('写入电子档案包', done, files.length),
  );
  const stored = await services.blobs.putStream(zip, 'application/zip');
  ctl.progress('写入电子档案包', files.length, files.length);
  new DossierPackages(services.db).record({
    packageHash: stored.hash,
    caseId,
    sourceHash: dossier.pdfHash,
    madeAt: createdAt,
    madeBy: user.name,
  });
  return {
    hash: stored.hash,
    fileName: packageFileName(state.number),
    size: stored.size,
    items: manifest.items.length,
    events: events.length,
  };
}
