/**
 * What every document of a case is filled with besides the case itself: the bureau's settings, the
 * hearing threshold, and the provision the case rests on (from the date of its act, 从旧兼从轻) with
 * its measures (责令改正 …). One place, so generating and re-importing read the same law.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { TemplateDataInput } from '#core/documents/templateData.js';
import type { Services } from '#core/services.js';
import { documentBureau } from './settings.js';
import { caseLegalBasis } from './legalBasis.js';
import { today } from './caseView.js';

export function caseDocumentContext(
  services: Services,
  state: CaseState,
): Pick<TemplateDataInput, 'bureau' | 'hearingThreshold' | 'penalties' | 'legalBasis' | 'citations'> {
  const legalBasis = caseLegalBasis(services, state, today(services));
  const typeId = legalBasis?.applied?.typeId ?? state.violation.id;
  return {
    bureau: documentBureau(services),
    hearingThreshold: services.hearingThreshold,
    penalties: services.violations.find((v) => v.id === typeId)?.penalties,
    legalBasis,
    citations: services.citations,
  };
}
