/** The law of the act's date (从旧兼从轻): ad hoc for the 立案 dialog, and the figures a case records for it. */
import { AppError } from '#common/errors.js';
import { resolveLegalBasis } from '#core/domain/legalBasis/resolve.js';
import { buildCaseView, today } from '#core/application/caseView.js';
import { typeIndex } from '#core/application/legalBasis.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const legalBasisHandlers: HandlerMap<'legalBasis.resolve' | 'cases.recordLawFigures'> = {
  'legalBasis.resolve': (input, { services }) => {
    const chosen = services.violations.find((v) => v.id === input.violationId);
    if (!chosen) throw new AppError('NOT_FOUND', `没有违法行为类型“${input.violationId}”`);
    return resolveLegalBasis(typeIndex(services), services.lawData.temporal, {
      chosen,
      actOn: input.actOn,
      continuing: input.continuing,
      decisionOn: input.decisionOn ?? today(services),
      figures: input.figures,
    });
  },

  'cases.recordLawFigures': (input, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const now = today(services);
    const f = input.figures;
    if (f.counterpartId && !services.violations.some((v) => v.id === f.counterpartId)) {
      throw new AppError('VALIDATION', `没有违法行为类型“${f.counterpartId}”`, { field: 'counterpartId' });
    }
    const { state } = services.cases.write(
      input.caseId,
      { id: user.id, name: user.name, device: services.device },
      (current) => {
        if (!current) throw new AppError('NOT_FOUND', '案件不存在');
        // The comparison is part of the decision: once approved, its figures are the decision's.
        if (current.decision?.approvedOn)
          throw new AppError(
            'ACTION_NOT_ALLOWED',
            `处罚决定已于${current.decision.approvedOn}批准，不能再更改法律适用所依据的数额`,
          );
        if (f.actEndedOn) {
          if (!current.continuing)
            throw new AppError('VALIDATION', '立案时未登记违法行为有继续状态，无须填写终了之日', {
              field: 'actEndedOn',
            });
          if (current.violationOn && f.actEndedOn < current.violationOn)
            throw new AppError(
              'VALIDATION',
              `违法行为终了之日（${f.actEndedOn}）不能早于开始之日（${current.violationOn}）`,
              { field: 'actEndedOn' },
            );
          if (f.actEndedOn > now)
            throw new AppError('DATE_IN_FUTURE', `违法行为终了之日（${f.actEndedOn}）不能晚于今天（${now}）`, {
              field: 'actEndedOn',
            });
        }
        return [{ type: 'case.lawFiguresRecorded', payload: f }];
      },
      input.expectedVersion,
    );
    return buildCaseView(services, state, user);
  },
};
