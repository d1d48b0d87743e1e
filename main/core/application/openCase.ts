/**
 * `cases.open` (立案): a case on an enterprise of the directory, for a violation type of the benchmark
 * in use, with at least two officers holding valid certificates (the domain's `twoCertifiedOfficers`
 * rule, 处罚法 arts. 42, 55), within the limitation period, under the procedure version in force today.
 * A retried request (same `requestId`) answers the case it opened the first time.
 */
import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { CaseView } from '#common/schemas/cases.js';
import type { CaseOpenedPayload } from '#core/domain/events.js';
import { limitationProblem } from '#core/domain/limitation.js';
import { certifiedOfficers, twoCertifiedOfficersFailure } from '#core/domain/procedure/guards.js';
import { isValidUscc } from '#core/domain/uscc.js';
import { currentProcedure, type Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { answeredRequest, recordRequest } from '#core/store/requests.js';
import { deleteDraft } from '#core/store/drafts.js';
import { openCaseDraftForm } from '#common/schemas/drafts.js';
import { formatNumber } from '#core/store/sequences.js';
import { checkOpener } from './caseAccess.js';
import { buildCaseView, today } from './caseView.js';
import { checkJurisdiction } from './jurisdiction.js';

export function openCase(services: Services, user: UserRow, input: OpParsedInput<'cases.open'>): CaseView {
  const now = today(services);
  const prior = answeredRequest(services.db, input.requestId);
  if (prior) return buildCaseView(services, services.cases.get(prior), user);

  const ent = services.directory.enterprise(input.enterpriseId);
  if (!ent) throw new AppError('NOT_FOUND', '企业名录中没有所选当事人');
  if (!isValidUscc(ent.uscc)) throw new AppError('INVALID_USCC', `当事人的统一社会信用代码无效：${ent.uscc}`);
  const violation = services.violations.find((v) => v.id === input.violationId);
  if (!violation) throw new AppError('NOT_FOUND', '没有所选的违法行为类型');
  const ids = [...new Set(input.officerIds)];
  checkOpener(user, ids); // an officer opens only a case he is on
  const all = services.directory.officers();
  const chosen = ids.map((id) => all.find((o) => o.id === id));
  if (chosen.some((o) => !o)) throw new AppError('NOT_FOUND', '所选执法人员不存在');
  const officers = chosen.filter((o) => o !== undefined);
  const short = twoCertifiedOfficersFailure(officers, now);
  if (short) throw new AppError('OFFICERS_REQUIRED', `${short.message}（${short.citation}）`, [short]);
  const valid = certifiedOfficers(officers, now);
  if (input.filedOn > now) throw new AppError('DATE_IN_FUTURE', `立案日期（${input.filedOn}）不能晚于今天（${now}）`);
  if (input.discoveredOn > input.filedOn)
    throw new AppError('VALIDATION', `发现日期（${input.discoveredOn}）不能晚于立案日期（${input.filedOn}）`);
  const lapsed = limitationProblem(
    {
      violationOn: input.violationOn ?? null,
      continuing: input.continuing,
      discoveredOn: input.discoveredOn,
      seriousHarm: input.seriousHarm,
      pollutionHarm: input.pollutionHarm,
    },
    services.lawData.temporal.limitation,
  );
  if (lapsed) throw new AppError('LIMITATION_EXPIRED', lapsed);

  // A party registered in another county: only with the reason this bureau has jurisdiction, recorded in the event.
  const jurisdiction = checkJurisdiction(services, ent.id, input.jurisdictionReason);

  const def = currentProcedure(services.procedures, input.procedure, now);
  const bureau = services.bureau();
  const caseId = ulid();
  const { state } = services.cases.write(caseId, { id: user.id, name: user.name, device: services.device }, () => {
    const year = Number(input.filedOn.slice(0, 4));
    const seq = services.sequences.next(bureau.id, 'case', year);
    const payload: CaseOpenedPayload = {
      number: formatNumber('{abbr}立字〔{year}〕{seq}号', { abbr: bureau.abbreviation, year, seq }),
      bureauId: bureau.id,
      procedure: { id: def.id, version: def.version },
      startNode: def.start,
      party: {
        enterpriseId: ent.id,
        name: ent.name,
        uscc: ent.uscc,
        legalRepresentative: ent.legalRepresentative,
        address: ent.address,
      },
      violation: {
        id: violation.id,
        name: violation.name,
        breached: violation.breached,
        penaltyArticle: violation.penaltyArticle,
        band: violation.band,
        penaltyText: violation.penaltyText,
      },
      officers: valid.map((o) => ({
        id: o.id,
        name: o.name,
        certificateNo: o.certificateNo,
        certificateValidUntil: o.certificateValidUntil,
      })),
      source: input.source,
      summary: input.summary,
      discoveredOn: input.discoveredOn,
      filedOn: input.filedOn,
      partyKind: input.partyKind,
      violationOn: input.violationOn ?? null,
      continuing: input.continuing,
      ...(input.lawFigures ? { lawFigures: input.lawFigures } : {}),
      ...(jurisdiction ? { jurisdiction } : {}),
    };
    recordRequest(services.db, input.requestId, 'cases.open', caseId, services.clock.now().toISOString());
    // The 立案 draft became this case: gone with it, in its transaction (a failed 立案 keeps it).
    deleteDraft(services.db, user.id, null, openCaseDraftForm);
    return [{ type: 'case.opened', payload }];
  });
  return buildCaseView(services, state, user);
}
