/**
 * 现场检查任务 on the desk: the list (an officer sees the tasks he was drawn for; a head or reviewer the
 * bureau's), and recording the inspection — by one of the two officers drawn (or the head), once, on a
 * day within the task's period and not in the future. The result goes up at the next sync.
 */
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { FieldAssignment } from '#common/schemas/fieldTasks.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { FieldTaskStore, type AssignmentRow } from '#core/store/fieldTasks.js';
import { officerIdOf } from '#core/store/syncUsers.js';
import { today } from './caseView.js';

export function assignmentView(store: FieldTaskStore, r: AssignmentRow): FieldAssignment {
  return {
    id: r.id,
    taskId: r.taskId,
    taskName: r.taskName,
    issuedBy: r.issuedBy,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    enterpriseId: store.enterpriseIdOf(r.uscc),
    officers: r.officers.map((o) => ({ officerId: officerIdOf(o.id), name: o.name, certificateNo: o.certificateNo })),
    status: r.inspectedOn
      ? r.uploaded && !r.uploadError
        ? 'done'
        : 'recorded'
      : r.serverStatus === 'done'
        ? 'done'
        : 'open',
    inspectedOn: r.inspectedOn,
    findings: r.findings,
    result: r.result,
    recordedBy: r.recordedBy,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    uploadError: r.uploadError,
  };
}

const drawnFor = (user: UserRow, r: AssignmentRow): boolean => r.officers.some((o) => o.id === user.id);
const seesAll = (user: UserRow): boolean => user.roles.includes('head') || user.roles.includes('reviewer');

export function listFieldTasks(services: Services, user: UserRow): FieldAssignment[] {
  const store = new FieldTaskStore(services.db);
  return store
    .all()
    .filter((r) => seesAll(user) || drawnFor(user, r))
    .map((r) => assignmentView(store, r));
}

/** The assignment, if this user may act on it (one of its two officers, or the head). */
export function ownAssignment(services: Services, user: UserRow, id: string): AssignmentRow {
  const r = new FieldTaskStore(services.db).get(id);
  if (!r || !(drawnFor(user, r) || seesAll(user)))
    throw new AppError('NOT_FOUND', '没有这项现场检查任务，或您不是该任务抽中的执法人员');
  if (!drawnFor(user, r) && !user.roles.includes('head'))
    throw new AppError('FORBIDDEN_ROLE', '只有该任务抽中的执法人员或负责人可以记录检查结果');
  return r;
}

export function recordInspection(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'fieldTasks.record'>,
): FieldAssignment {
  const store = new FieldTaskStore(services.db);
  const r = ownAssignment(services, user, input.assignmentId);
  if (r.inspectedOn || r.serverStatus === 'done')
    throw new AppError('VALIDATION', `该任务已记录检查结果（${r.inspectedOn ?? '其他工作站'}），不能重复记录`);
  const now = today(services);
  if (input.inspectedOn > now)
    throw new AppError('DATE_IN_FUTURE', `检查日期（${input.inspectedOn}）不能晚于今天（${now}）`);
  if (input.inspectedOn < r.periodFrom)
    throw new AppError('VALIDATION', `检查日期（${input.inspectedOn}）不能早于任务开始日期（${r.periodFrom}）`);
  store.record(r.id, { ...input, recordedBy: user.name }, services.clock.now().toISOString());
  return assignmentView(store, store.get(r.id)!);
}
