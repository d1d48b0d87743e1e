import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import type { DocumentRecord } from '#common/schemas/cases.js';
import { findTemplate } from '#core/documents/manifest.js';
import { renderDocx } from '#core/documents/render.js';
import { buildTemplateData, missingInputFields } from '#core/documents/templateData.js';
import { formatNumber } from '#core/store/sequences.js';
import { procedureOf, today } from '../caseView.js';
import { checkCaseDate } from '../dateRules.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { nodeOf, trackOf } from '#core/domain/procedure/engine.js';
import { documentSlot, receiptFieldKeys } from '#core/documents/names.js';
import { decisionDocumentName, noticeDocumentName } from '#core/domain/procedure/facts.js';
import type { CaseState } from '#common/schemas/cases.js';
import { finaliseDocument, reimportDocument } from '../documentVersions.js';
import { docxText } from '#core/documents/render.js';
import { requireBureauSettings, requireDossier } from '#core/documents/requiredTexts.js';
import { archivedOn } from '../archived.js';
import { caseDocumentContext } from '../documentContext.js';
import { checkFileAccess } from '../fileAccess.js';

/** The largest file `blobs.read` returns (as Base64 in JSON); the screens read files as bytes (common/files.ts). */
export const maxBlobReadBytes = 16 * 1024 * 1024;

export const documentHandlers: HandlerMap<
  'documents.generate' | 'documents.pdf' | 'blobs.read' | 'documents.reimport' | 'documents.finalise'
> = {
  'documents.generate': (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const now = today(services);
    const template = findTemplate(services.manifest, input.type);
    const missing = missingInputFields(template, input.fields);
    if (missing.length) {
      throw new AppError(
        'FIELDS_REQUIRED',
        `生成${template.name}前请填写：${missing.map((f) => f.label).join('、')}`,
        missing.map((f) => f.key),
      );
    }
    const { version: templateVersion, bytes: templateBytes } = services.templates.current(template);

    let record: DocumentRecord | null = null;
    services.cases.write(
      input.caseId,
      { id: user.id, name: user.name, device: services.device },
      (current) => {
        if (!current) throw new AppError('NOT_FOUND', '案件不存在');
        const archived = archivedOn(current);
        if (archived) checkArchivedCorrection(current, template.id, template.name, input, archived);
        const node = nodeOf(procedureOf(services, current), current.node);
        // A document belongs to the main node or to the current node of a running track (e.g. 查封(扣押)决定书).
        const issuesHere = (t: CaseState['tracks'][number]) =>
          !t.endedOn && nodeOf(trackOf(current, t.id, services.procedures).def, t.node).documents.includes(template.id);
        if (input.track && !current.tracks.some((t) => t.id === input.track && issuesHere(t))) {
          throw new AppError('ACTION_NOT_ALLOWED', `附加程序 ${input.track} 当前环节不制作${template.name}`);
        }
        const onTrack = current.tracks.some(issuesHere);
        // After 归档 a recorded 更正 of a document on file is made where the case stands (checkArchivedCorrection).
        if (!node.documents.includes(template.id) && !onTrack && !archived) {
          throw new AppError('ACTION_NOT_ALLOWED', `案件当前处于“${node.name}”，此阶段不制作${template.name}`);
        }
        for (const f of template.fields) {
          const v = input.fields[f.key];
          if (f.source === 'input' && (f.input === 'date' || f.input === 'datetime') && v)
            checkCaseDate(f.label, v.slice(0, 10), current.filedOn, now);
        }
        if (template.id === 'service-receipt') checkReceipt(current, input.fields, services.documentTypeNames);
        const trackStep = input.track ? current.steps.filter((x) => x.track === input.track).length : undefined;
        // A finalised document of this slot is never regenerated in place: only a recorded 更正.
        const slot = documentSlot({ type: template.id, fields: input.fields, track: input.track, trackStep });
        const finalised = latestInSlot(current.documents, slot);
        if (finalised?.finalised && !input.correctionReason) {
          throw new AppError(
            'DOCUMENT_FINALISED',
            `${finalised.name}已于${finalised.finalised.at.slice(0, 10)}定稿盖章，不能重新生成；如需修改，请填写更正理由后更正`,
          );
        }
        requireDossier(template, current, input.fields);
        const number = template.numberPattern
          ? (numberFor(current.documents, template.id, input.track, trackStep) ?? allocate(template.numberPattern))
          : null;
        // A document made for one track reads that track's steps, not a sibling's (two seizures at once).
        const chosen = input.track ? current.tracks.find((t) => t.id === input.track) : undefined;
        const seen = chosen
          ? {
              ...current,
              tracks: current.tracks.filter((t) => t.id === chosen.id || t.procedure.id !== chosen.procedure.id),
            }
          : current;
        const data = buildTemplateData({
          ...caseDocumentContext(services, current),
          state: seen,
          number,
          fields: input.fields,
          today: now,
        });
        // The bureau's address, court and account are printed, never left blank (本局设置).
        requireBureauSettings(template, docxText(templateBytes), data);
        const docx = renderDocx({ template, templateBytes, data });
        const docxHash = services.blobs.put(
          docx,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        record = {
          id: ulid(),
          type: template.id,
          name: `《${template.name}》`,
          number,
          version: current.documents.filter((d) => documentSlot(d) === slot).length + 1,
          docxHash,
          templateVersion,
          generatedAt: services.clock.now().toISOString(),
          generatedBy: user.name,
          fields: input.fields,
          ...(finalised?.finalised && input.correctionReason
            ? { correctionOf: finalised.id, correctionReason: input.correctionReason }
            : {}),
          // A 更正 after 归档 is recorded as one whether or not the corrected version had been sealed.
          ...(archived && !finalised?.finalised && input.correctionReason
            ? { correctionReason: input.correctionReason }
            : {}),
          ...(input.track ? { track: input.track, trackStep } : {}),
        };
        return [{ type: 'document.generated', payload: record }];

        function allocate(pattern: string): string {
          const bureau = services.bureau();
          const year = Number(now.slice(0, 4));
          return formatNumber(pattern, {
            abbr: bureau.abbreviation,
            year,
            seq: services.sequences.next(bureau.id, template.id, year),
          });
        }
      },
      input.expectedVersion,
    );
    return record!;
  },

  'documents.pdf': async ({ caseId, documentId }, { services }) => {
    const doc = services.cases.get(caseId).documents.find((d) => d.id === documentId);
    if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
    // A finalised document is shown and printed as sealed.
    if (doc.finalised) return { pdfHash: doc.finalised.pdfHash, pages: doc.finalised.pages, engine: 'sealed' };
    return services.pdf.pdfFor(doc.docxHash);
  },

  'documents.reimport': (input, ctx) => reimportDocument(ctx, input),
  'documents.finalise': (input, ctx) => finaliseDocument(ctx, input),
  'blobs.read': ({ hash, caseId }, ctx) => {
    const { services } = ctx;
    // Only a file of a case the user may see (fileAccess.ts); bounded: Base64 in JSON is for small files.
    checkFileAccess(services, requireUser(ctx), { hash, ...(caseId ? { caseId } : {}) });
    const size = services.blobs.size(hash);
    if (size > maxBlobReadBytes) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `文件过大（${Math.round(size / 1024 / 1024)}MB），blobs.read 只读取不超过${maxBlobReadBytes / 1024 / 1024}MB的文件；请在界面中查看或下载`,
      );
    }
    const bytes = services.blobs.get(hash);
    return { hash, mimeType: services.blobs.mimeType(hash), base64: bytes.toString('base64') };
  },
};

/**
 * After 归档 only a 更正 may be made: with its reason, and of a document already on file (the same
 * slot: type, served document, track point), never a new one.
 */
function checkArchivedCorrection(
  state: CaseState,
  type: string,
  name: string,
  input: { fields: Record<string, string>; track?: string; correctionReason?: string },
  on: string,
): void {
  const onFile = state.documents.some(
    (d) =>
      d.type === type &&
      d.track === input.track &&
      (type !== 'service-receipt' ||
        d.fields[receiptFieldKeys.servedDocument] === input.fields[receiptFieldKeys.servedDocument]),
  );
  if (!input.correctionReason?.trim()) {
    throw new AppError(
      'CASE_ARCHIVED',
      `案件已于${on}归档，不能再制作或修改文书；如需修改已归档的${name}，请填写更正理由后更正（更正记入案件历史）`,
      { archivedOn: on },
    );
  }
  if (!onFile)
    throw new AppError('CASE_ARCHIVED', `案件已于${on}归档，卷内没有${name}可以更正；归档后不能增加新的文书`, {
      archivedOn: on,
    });
}

/** The newest version of a document (names.ts documentSlot). */
export function latestInSlot(documents: DocumentRecord[], slot: string): DocumentRecord | undefined {
  return documents.filter((d) => documentSlot(d) === slot).at(-1);
}

/** A regenerated document keeps the number its type already has in this case: no gaps, no doubles. */
function numberFor(documents: DocumentRecord[], type: string, track?: string, trackStep?: number): string | null {
  // On a track, only a document made at the same point of the track is the same document: a loop
  // (a second 按日连续处罚决定书 after a second re-check) makes a new one, with a new number.
  const same = documents.filter(
    (d) => d.type === type && d.track === track && d.number && (track === undefined || d.trackStep === trackStep),
  );
  return same.at(-1)?.number ?? null;
}

/**
 * A 送达回证 proves service of a document the case issues: the notice and the decision cannot be
 * served before their approval; any other (责令改正决定书, 催告书 …) must be a known document type.
 */
function checkReceipt(state: CaseState, fields: Record<string, string>, known: ReadonlyMap<string, string>): void {
  const served = fields[receiptFieldKeys.servedDocument] ?? '';
  const servedOn = fields[receiptFieldKeys.servedOn] ?? '';
  if (servedOn < state.filedOn)
    throw new AppError('VALIDATION', `送达日期（${servedOn}）不能早于立案日期（${state.filedOn}）`);
  const approvedOn =
    served === noticeDocumentName
      ? state.noticeApprovedOn
      : served === decisionDocumentName
        ? (state.decision?.approvedOn ?? null)
        : undefined;
  if (approvedOn === undefined) {
    if ([...known.values()].includes(served.replace(/[《》]/g, '').trim())) return;
    throw new AppError(
      'VALIDATION',
      `送达文书“${served}”不是本系统的执法文书名称（如“${noticeDocumentName}”“${decisionDocumentName}”“责令改正违法行为决定书”）`,
    );
  }
  if (!approvedOn) throw new AppError('ACTION_NOT_ALLOWED', `${served}尚未经负责人批准，不能送达`);
  if (servedOn < approvedOn)
    throw new AppError('VALIDATION', `送达日期（${servedOn}）不能早于${served}的批准日期（${approvedOn}）`);
  if (served === decisionDocumentName) {
    const decision = state.documents.filter((d) => d.type === 'penalty-decision').at(-1);
    if (!decision?.finalised) throw new AppError('ACTION_NOT_ALLOWED', decisionNotSealed);
  }
}

/** 处罚法 art. 59(2): what is served is the sealed decision, so it is finalised (定稿盖章) first. */
export const decisionNotSealed =
  '行政处罚决定书尚未定稿盖章，不能送达：行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章（《中华人民共和国行政处罚法》第五十九条第二款），请先对最新版本定稿';
