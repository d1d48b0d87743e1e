/**
 * `cases.startTrack`: starts a track (责令改正, 查封扣押 …) alongside the case's main procedure, from
 * a main node the track's definition attaches to. The track keeps the version it started with.
 */
import { AppError } from '#common/errors.js';
import type { CaseView } from '#common/schemas/cases.js';
import type { OpParsedInput } from '#common/operations.js';
import { startableTracks } from '#core/domain/procedure/engine.js';
import { currentProcedure } from '#core/services.js';
import { buildCaseView, evaluationContext, today } from './caseView.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';

export function startTrack(services: Services, user: UserRow, input: OpParsedInput<'cases.startTrack'>): CaseView {
  const { state } = services.cases.write(
    input.caseId,
    { id: user.id, name: user.name, device: services.device },
    (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      const offer = startableTracks(current, evaluationContext(services, current, user.roles)).find(
        (t) => t.procedure === input.procedure,
      );
      if (!offer) throw new AppError('ACTION_NOT_ALLOWED', `案件当前阶段不能启动“${input.procedure}”`);
      if (!offer.allowed) {
        throw new AppError(
          offer.reasons.some((r) => r.rule === 'role') ? 'FORBIDDEN_ROLE' : 'ACTION_NOT_ALLOWED',
          `不能启动${offer.name}：${offer.reasons.map((r) => r.message).join('；')}`,
          offer.reasons,
        );
      }
      const def = currentProcedure(services.procedures, input.procedure, today(services));
      const n = current.tracks.filter((t) => t.procedure.id === def.id).length + 1;
      return [
        {
          type: 'track.started',
          payload: {
            trackId: `${def.id}-${n}`,
            procedure: { id: def.id, version: def.version },
            name: n > 1 ? `${def.name}（${n}）` : def.name,
            startNode: def.start,
            on: today(services),
          },
        },
      ];
    },
    input.expectedVersion,
  );
  return buildCaseView(services, state, user);
}
