/**
 * Sensible first values for a template's input fields, so the clerk corrects rather than types:
 * dates default to today, places to the party's address, the 送达回证's document to the newest
 * numbered document of the case (the one being served now). Every value stays editable.
 */
import type { CaseView } from '#common/schemas/cases';
import type { TemplateField } from '#common/schemas/documents';
import { nowLocalDateTime, todayIso } from '#renderer/util/dates';

/** Documents a 送达回证 can be for: the case's numbered documents, names without 《》. */
export function servableDocuments(view: CaseView): string[] {
  const names = [...view.state.documents]
    .filter((d) => d.number)
    .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt))
    .map((d) => d.name.replace(/[《》]/g, ''));
  return [...new Set(names)];
}

export function defaultValue(field: TemplateField, view: CaseView): string {
  const { party } = view.state;
  switch (field.key) {
    case 'servedDocument':
      return servableDocuments(view)[0] ?? '';
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
