/**
 * Sensible first values for a template's input fields, so the clerk corrects rather than types:
 * dates default to today, places to the party's address, the 送达回证's document to the newest
 * numbered document of the case (the one being served now, by its id), chosen from a list, never typed. Every value stays editable.
 */
import type { CaseView } from '#common/schemas/cases';
import type { TemplateField } from '#common/schemas/documents';
import { docType } from '#common/documentTypes';
import { supersededIds } from '#common/documentSlots';
import { documentTypeName } from '#common/documentTypeNames';
import { nowLocalDateTime, todayIso } from '#renderer/util/dates';

/** One entry of a closed list: what is sent (a document type id) and what the clerk reads (its name). */
export interface Choice {
  value: string;
  label: string;
}

/**
 * Documents a 送达回证 (or a service recorded in a form) can be for: the case's numbered documents,
 * newest first, once per type. The core records the type id; the clerk sees the name.
 */
export function servableDocuments(view: CaseView): Choice[] {
  const types = [...view.state.documents]
    .filter((d) => d.number && d.type !== docType.serviceReceipt)
    .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt))
    .map((d) => d.type);
  return [...new Set(types)].map((type) => ({ value: type, label: documentTypeName(type) }));
}

/**
 * The documents a 送达回证 can serve, newest first: each current version by its id (the receipt serves
 * that one and prints its 文号), named by type, with the 文号 where the case has two of a type.
 */
export function servedDocumentChoices(view: CaseView): Choice[] {
  const replaced = supersededIds(view.state.documents);
  const docs = view.state.documents
    .filter((d) => d.number && d.type !== docType.serviceReceipt && !replaced.has(d.id))
    .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
  const several = (type: string) => docs.filter((d) => d.type === type).length > 1;
  return docs.map((d) => ({
    value: d.id,
    label: several(d.type) ? `${documentTypeName(d.type)}（${d.number}）` : documentTypeName(d.type),
  }));
}

export function defaultValue(field: TemplateField, view: CaseView): string {
  const { party } = view.state;
  switch (field.key) {
    case 'servedDocument':
      return servedDocumentChoices(view)[0]?.value ?? '';
    case 'serviceMethod':
      return '直接送达';
    case 'serviceAddress':
    case 'inspectionPlace':
    case 'interviewPlace':
      return party.address;
    case 'recipient':
      return party.legalRepresentative;
    // The capacity that goes with the default recipient (民事诉讼法 art. 88); changed with him.
    case 'recipientCapacity':
      return view.state.partyKind === 'individual' ? '本人' : '法定代表人';
    default:
      break;
  }
  if (field.input === 'date') return todayIso();
  if (field.input === 'datetime' && field.required) return nowLocalDateTime();
  return '';
}
