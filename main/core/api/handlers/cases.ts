import { AppError } from '#common/errors.js';
import type { CaseOpenedPayload } from '#core/domain/events.js';
import { isValidUscc } from '#core/domain/uscc.js';
import { currentProcedure } from '#core/services.js';
import { formatNumber } from '#core/store/sequences.js';
import { buildCaseView, procedureOf, today } from '../caseView.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { performAction } from '../performAction.js';
import { historyOf } from '../history.js';
import { ulid } from 'ulid';
import { limitationProblem } from '#core/domain/limitation.js';
import { startTrack } from '../startTrack.js';
import { caseScope, checkOpener } from '../caseAccess.js';

export const caseHandlers: HandlerMap<
  'cases.list' | 'cases.open' | 'cases.get' | 'cases.act' | 'cases.history' | 'cases.startTrack'
> = {
  'cases.list': (input, ctx) => {
    const { services } = ctx;
    const names = new Map<string, string>();
    for (const def of services.procedures.values())
      if (def.kind === 'main') for (const n of def.nodes) names.set(n.id, n.name);
    return services.cases.projection.list(input, (node) => names.get(node) ?? node, caseScope(requireUser(ctx)));
  },

  'cases.open': (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const now = today(services);
    const prior = services.db.prepare('SELECT result FROM requests WHERE request_id = ?').get(input.requestId) as
      | { result: string }
      | undefined;
    if (prior) return buildCaseView(services, services.cases.get(prior.result), user);

    const ent = services.directory.enterprise(input.enterpriseId);
    if (!ent) throw new AppError('NOT_FOUND', '企业名录中没有所选当事人');
    if (!isValidUscc(ent.uscc)) throw new AppError('INVALID_USCC', `当事人的统一社会信用代码无效：${ent.uscc}`);
    const violation = services.violations.find((v) => v.id === input.violationId);
    if (!violation) throw new AppError('NOT_FOUND', '没有所选的违法行为类型');
    const ids = [...new Set(input.officerIds)];
    checkOpener(user, ids); // an officer opens only a case he is on
    const all = services.directory.officers();
    const officers = ids.map((id) => all.find((o) => o.id === id));
    if (officers.some((o) => !o)) throw new AppError('NOT_FOUND', '所选执法人员不存在');
    const valid = officers.filter((o) => o && o.certificateValidUntil >= now);
    if (valid.length < 2)
      throw new AppError(
        'OFFICERS_REQUIRED',
        `至少需要两名持有有效执法证件的执法人员（行政处罚法第四十二条），目前${valid.length}名`,
      );
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
          id: o!.id,
          name: o!.name,
          certificateNo: o!.certificateNo,
          certificateValidUntil: o!.certificateValidUntil,
        })),
        source: input.source,
        summary: input.summary,
        discoveredOn: input.discoveredOn,
        filedOn: input.filedOn,
        partyKind: input.partyKind,
        violationOn: input.violationOn ?? null,
        continuing: input.continuing,
        ...(input.lawFigures ? { lawFigures: input.lawFigures } : {}),
      };
      services.db
        .prepare('INSERT INTO requests (request_id, op, result, created_at) VALUES (?, ?, ?, ?)')
        .run(input.requestId, 'cases.open', caseId, services.clock.now().toISOString());
      return [{ type: 'case.opened', payload }];
    });
    return buildCaseView(services, state, user);
  },

  'cases.get': ({ caseId }, ctx) => buildCaseView(ctx.services, ctx.services.cases.get(caseId), requireUser(ctx)),

  'cases.act': (input, ctx) => performAction(ctx, input),

  'cases.startTrack': (input, ctx) => startTrack(ctx, input),

  'cases.history': ({ caseId }, { services }) => {
    const state = services.cases.get(caseId);
    const main = procedureOf(services, state);
    return historyOf(services.cases.log.forCase(caseId), (track) => {
      if (track === 'main') return main;
      const t = state.tracks.find((x) => x.id === track);
      return t ? services.procedures.get(`${t.procedure.id}@${t.procedure.version}`) : undefined;
    });
  },
};
