/**
 * 现场检查任务 on the desk: the list (an officer sees the tasks he was drawn for; a head or reviewer the
 * bureau's), and recording the inspection — by one of the two officers drawn (or the head), once, on a
 * day within the task's period and not in the future. The result goes up at the next sync.
 */
import { AppError } from '#common/errors.js';
import type { OpParsedInput } from '#common/operations.js';
import type { FieldAssignment } from '#common/schemas/fieldTasks.js';
import type { ChecklistRecord, OfferedChecklist } from '#common/schemas/industryChecklists.js';
import { checklistFor } from '#core/domain/industryChecklists.js';
import { checklistsInUse } from '#core/industryChecklistResource.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { FieldTaskStore, type AssignmentRow } from '#core/store/fieldTasks.js';
import { officerIdOf } from '#core/store/syncUsers.js';
import { today } from './caseView.js';

/** The 行业检查要点 for the enterprise's industry as this desk's directory gives it, from the newest version, or null. */
export function offeredFor(services: Services, store: FieldTaskStore, r: AssignmentRow): OfferedChecklist | null {
  const data = checklistsInUse(services.dataDir);
  const list = checklistFor(data, store.industryCodeOf(r.uscc));
  return list ? { version: data.version, name: list.name, verified: data.verified, items: list.items } : null;
}

export function assignmentView(services: Services, store: FieldTaskStore, r: AssignmentRow): FieldAssignment {
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
    checklist: offeredFor(services, store, r),
    checklistTicks: r.checklist,
  };
}

const drawnFor = (user: UserRow, r: AssignmentRow): boolean => r.officers.some((o) => o.id === user.id);
const seesAll = (user: UserRow): boolean => user.roles.includes('head') || user.roles.includes('reviewer');

export function listFieldTasks(services: Services, user: UserRow): FieldAssignment[] {
  const store = new FieldTaskStore(services.db);
  return store
    .all()
    .filter((r) => seesAll(user) || drawnFor(user, r))
    .map((r) => assignmentView(services, store, r));
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

/** The task a case was opened from (the case page's 来源); the case's own access is checked by dispatch. */
export function fieldTaskForCase(services: Services, caseId: string): FieldAssignment | null {
  const store = new FieldTaskStore(services.db);
  const r = store.forCase(caseId);
  return r ? assignmentView(services, store, r) : null;
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
  const offered = offeredFor(services, store, r);
  const unknown = input.checked.filter((id) => !offered?.items.some((i) => i.id === id));
  if (unknown.length)
    throw new AppError(
      'VALIDATION',
      offered
        ? `检查要点“${unknown.join('、')}”不在《${offered.name}》检查要点（${offered.version}版）中，请刷新后重新勾选`
        : '该企业的行业没有可勾选的检查要点，请刷新后重新记录',
    );
  const checklist: ChecklistRecord | null = offered && {
    version: offered.version,
    name: offered.name,
    items: offered.items.map((i) => ({ id: i.id, text: i.text, checked: input.checked.includes(i.id) })),
  };
  store.record(r.id, { ...input, recordedBy: user.name, checklist }, services.clock.now().toISOString());
  return assignmentView(services, store, store.get(r.id)!);
}
