/**
 * `dossier.verifyPackage` and `dossier.importPackage`: an 电子档案包 from another workstation. The
 * import verifies first (archive/verifyPackage.ts) and writes nothing unless everything checks; then
 * it puts each file into the blob store (streamed, hash checked again), and in one transaction writes
 * the case's events verbatim — their ids, hashes and stamps are the exporting desk's, so the chain is
 * the same here — and the projection rebuilt from them: the same dossier, catalog and history show.
 * A case already here with the same events is left as it is; one with events the package lacks, or
 * another case with the same 案号, is refused.
 */
import { existsSync } from 'node:fs';
import { AppError } from '#common/errors.js';
import type { PackageImported, PackageReport, PackageSource } from '#common/schemas/archivePackage.js';
import type { Services } from '#core/services.js';
import type { CaseEvent } from '#core/domain/events.js';
import { replay } from '#core/domain/caseReducer.js';
import { SyncEvents } from '#core/store/syncEvents.js';
import { DossierPackages } from '#core/store/dossierPackages.js';
import { verifyPackage, type VerifiedPackage } from '#core/archive/verifyPackage.js';
import { openPackage, type PackageInput } from '#core/archive/zipReader.js';
import { shownName } from './fileNames.js';

/** The package as the archive reader takes it: bytes from the page, a file from the CLI (the handler checked the transport). */
export function packageInput(source: PackageSource): PackageInput {
  return 'path' in source ? { path: source.path } : { bytes: Buffer.from(source.contentBase64, 'base64') };
}

export async function checkPackage(source: PackageSource): Promise<VerifiedPackage> {
  // A path that is not there: named by its last part only (api/localFiles.ts).
  if ('path' in source && !existsSync(source.path))
    throw new AppError('NOT_FOUND', `找不到文件“${shownName(source.path)}”`);
  return verifyPackage(packageInput(source));
}

export async function verifyPackageOp(source: PackageSource): Promise<PackageReport> {
  return (await checkPackage(source)).report;
}

/** How the case's log here relates to the package's: the same, a prefix of it, or diverging (refused). */
function localPrefix(services: Services, caseId: string, incoming: CaseEvent[]): number {
  const local = services.cases.log.forCase(caseId);
  if (local.length > incoming.length) {
    const same = incoming.every((e, i) => local[i]?.id === e.id && local[i]?.hash === e.hash);
    if (same) return -1; // this workstation holds more than the package: nothing to take
  }
  for (const [i, e] of local.entries()) {
    if (incoming[i]?.id !== e.id || incoming[i]?.hash !== e.hash)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        `本机已有此案件，但其第${e.seq}条记录与档案包不同（两处分别办理过）；为免覆盖，未导入`,
      );
  }
  return local.length;
}

export async function importPackage(services: Services, source: PackageSource): Promise<PackageImported> {
  const checked = await checkPackage(source);
  const { report, manifest: m, events, state } = checked;
  if (!report.ok || !m || !events || !state)
    throw new AppError('PACKAGE_INVALID', `电子档案包校验未通过，未导入：${report.summary}`, { report });
  const bureau = services.bureau();
  if (state.bureauId !== bureau.id)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `此电子档案包是${m.fonds.bureauName}的案件，本工作站属于${bureau.name}：导入后本单位无人能查看，未导入`,
    );
  const packages = new DossierPackages(services.db);
  const holder = packages.caseIdOfNumber(state.number);
  if (holder && holder !== state.id)
    throw new AppError('ACTION_NOT_ALLOWED', `案号“${state.number}”在本机已被另一案件使用，未导入；请核对案号`);
  const held = services.cases.projection.get(state.id) ? localPrefix(services, state.id, events) : 0;
  const fresh = held < 0 ? [] : events.slice(held);
  const base = { caseId: state.id, caseNumber: state.number, files: 0 };
  if (fresh.length === 0)
    return {
      ...base,
      changed: false,
      events: 0,
      message: `本机已有案件${state.number}的全部记录和文件，未作更改`,
    };

  // Files first: a file stored without its case (a failure below) is harmless, nothing refers to it.
  const pkg = await openPackage(packageInput(source));
  let files = 0;
  try {
    for (const item of m.items) {
      if (item.role === 'events' || services.blobs.has(item.sha256)) continue;
      const entry = pkg.entries.get(item.path)!;
      await services.blobs.putStream(await pkg.open(entry), item.mimeType, item.sha256);
      files++;
    }
  } finally {
    pkg.close();
  }

  const sync = new SyncEvents(services.db);
  services.db
    .transaction(() => {
      // Checked again inside the write: the log may have grown since.
      const now = services.cases.log.forCase(state.id);
      if (now.length !== (held < 0 ? now.length : held))
        throw new AppError('STALE_VERSION', '导入期间本案又有新的记录，请重新导入');
      for (const e of fresh) sync.insertVerbatim(e);
      const rebuilt = replay(services.cases.log.forCase(state.id));
      if (!rebuilt) throw new AppError('INTEGRITY', '导入的事件记录无法重建案件');
      services.cases.projection.save(rebuilt, fresh.at(-1)!.at);
    })
    .immediate();
  return {
    ...base,
    files,
    changed: true,
    events: fresh.length,
    message: `已导入案件${state.number}：${fresh.length}条记录、${files}个文件；卷宗、文书和全过程记录与导出时一致`,
  };
}
