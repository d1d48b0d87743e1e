/**
 * 管辖 at 立案: the bureau's county (chosen at setup) against the party's registered county
 * (domain/enterprises/jurisdiction.ts). `cases.jurisdiction` lets the 立案 dialog warn before the
 * clerk submits; `openCase` refuses a case outside the county without a recorded reason.
 */
import { AppError } from '#common/errors.js';
import {
  jurisdictionArticle,
  outsideCounty,
  outsideCountyMessage,
  type County,
} from '#core/domain/enterprises/jurisdiction.js';
import type { Services } from '#core/services.js';

export interface Jurisdiction {
  outside: boolean;
  /** The warning naming both counties; null within the county. */
  message: string | null;
  bureauCounty: string;
  partyCounty: string;
}

function bureauCounty(services: Services): County | null {
  const code = services.directory.bureauCountyCode();
  return code ? { code, name: services.enterpriseData.regions.counties.get(code) ?? '' } : null;
}

export function jurisdictionOf(services: Services, enterpriseId: string): Jurisdiction {
  const ent = services.directory.enterpriseCounty(enterpriseId);
  if (!ent) throw new AppError('NOT_FOUND', '企业名录中没有所选当事人');
  const bureau = bureauCounty(services);
  const party: County = {
    code: ent.countyCode,
    name: ent.county || services.enterpriseData.regions.counties.get(ent.countyCode) || '',
  };
  const outside = outsideCounty(bureau, party);
  return {
    outside,
    message: outside && bureau ? outsideCountyMessage(bureau, party) : null,
    bureauCounty: bureau?.name || bureau?.code || '',
    partyCounty: party.name || party.code,
  };
}

/** What the 立案 event records of it: nothing within the county; both counties and the reason outside it. */
export function checkJurisdiction(
  services: Services,
  enterpriseId: string,
  reason: string | undefined,
): { partyCounty: string; bureauCounty: string; reason: string } | null {
  const j = jurisdictionOf(services, enterpriseId);
  if (!j.outside) return null;
  const why = reason?.trim() ?? '';
  if (!why)
    throw new AppError('JURISDICTION_REASON_REQUIRED', `${j.message}`, [
      { path: 'jurisdictionReason', message: `请填写本局管辖的理由（${jurisdictionArticle}）` },
    ]);
  return { partyCounty: j.partyCounty, bureauCounty: j.bureauCounty, reason: why };
}

/** The directory's rows of the bureau's own county first (by code, else by name). */
export function ownCounty(services: Services): County | null {
  return bureauCounty(services);
}
