/**
 * `documents.generate`: a document of the case made from its template, with the case's data and what
 * the clerk typed, in a node (of the main procedure or of a running track) that issues it. It takes
 * the number its type already has in the case, or the next one of the bureau's sequence inside the
 * event's transaction (no gaps). A finalised document is never regenerated: only a recorded 更正,
 * which after 归档 is the one change a case still takes.
 */
import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import { findTemplate } from '#core/documents/manifest.js';
import { documentSlot } from '#core/documents/names.js';
import { docxText, renderDocument } from '#core/documents/render.js';
import { requireBureauSettings, requireDossier } from '#core/documents/requiredTexts.js';
import { buildTemplateData, missingInputFields } from '#core/documents/templateData.js';
import { nodeOf, trackOf } from '#core/domain/procedure/engine.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { formatNumber } from '#core/store/sequences.js';
import { deleteDraft } from '#core/store/drafts.js';
import { documentDraftForm } from '#common/schemas/drafts.js';
import { timeSpanProblems } from '#common/formChecks.js';
import { refuseProblems } from './formProblems.js';
import { archivedOn, checkArchivedCorrection } from './archived.js';
import { today } from './caseView.js';
import { procedureOf } from './procedureOf.js';
import { checkCaseDate } from './dateRules.js';
import { caseDocumentContext } from './documentContext.js';
import { latestInSlot } from './documentSlots.js';
import { checkReceipt, receiptInput } from './receiptRules.js';
import { servedDocumentFields } from './servedChoice.js';
import { docType } from '#common/documentTypes.js';

export function generateDocument(
  services: Services,
  user: UserRow,
  typed: OpParsedInput<'documents.generate'>,
): DocumentRecord {
  const now = today(services);
  // A 送达回证 names the document it serves by type id; a name typed the older way is read as its id.
  const input = receiptInput(typed);
  const template = findTemplate(services.manifest, input.type);
  const missing = missingInputFields(template, input.fields);
  if (missing.length) {
    throw new AppError(
      'FIELDS_REQUIRED',
      `生成${template.name}前请填写：${missing.map((f) => f.label).join('、')}`,
      missing.map((f) => f.key),
    );
  }
  // An end time before its start time (a 笔录 printed 9时00分至8时00分) is refused at the field.
  refuseProblems(
    timeSpanProblems(
      template.fields.filter((f) => f.source === 'input'),
      input.fields,
    ),
  );
  const { version: templateVersion, bytes: templateBytes } = services.templates.current(template);

  let record: DocumentRecord | null = null;
  services.cases.write(
    input.caseId,
    { id: user.id, name: user.name, device: services.device },
    (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      // A 送达回证 serves one document, named by its id: the chosen one, or the only one of its type.
      if (template.id === docType.serviceReceipt) input.fields = servedDocumentFields(current, input.fields);
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
      // The record is named as the document is titled (查封决定书, not 查封(扣押)决定书): the 卷内目录,
      // the bookmarks, the history and the 评查 all read this name.
      const { docx, title } = renderDocument({ template, templateBytes, data, number });
      const docxHash = services.blobs.put(
        docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      record = {
        id: ulid(),
        type: template.id,
        name: `《${title}》`,
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
      // The form's draft became this document: deleted in its transaction, so a failure keeps it.
      deleteDraft(services.db, user.id, input.caseId, documentDraftForm(template.id, input.track));
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
