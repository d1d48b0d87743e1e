/**
 * 现场检查任务 in a sync round: first the inspections (and cases opened from them) recorded on this desk
 * go up, so the server marks those assignments done; then the county's assignments come down. A result
 * the server refuses keeps its Chinese reason on the row and in “what changed”, and is not resent.
 */
import { pushResultsOutput, syncAssignmentsOutput } from '#common/sync/fieldTasks.js';
import { FieldTaskStore } from '#core/store/fieldTasks.js';
import type { SyncHttp } from './http.js';
import type { SyncParts } from './integrate.js';

export async function syncFieldTasks(parts: SyncParts, http: SyncHttp, at: string): Promise<string[]> {
  const store = new FieldTaskStore(parts.services.db);
  const lines: string[] = [];
  const pending = store.pending().filter((r) => r.inspectedOn && r.findings && r.result);
  for (let i = 0; i < pending.length; i += 500) {
    const sent = pending.slice(i, i + 500);
    const reply = await http.request('POST', '/api/sync/field-tasks/results', pushResultsOutput, {
      results: sent.map((r) => ({
        assignmentId: r.id,
        inspectedOn: r.inspectedOn,
        findings: r.findings,
        result: r.result,
        recordedBy: r.recordedBy ?? '',
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        checklist: r.checklist,
      })),
    });
    store.acknowledge(sent, reply.accepted, reply.refused);
    if (reply.accepted.length) lines.push(`已上报现场检查结果${reply.accepted.length}项`);
    for (const r of reply.refused) {
      const name = sent.find((x) => x.id === r.assignmentId)?.enterpriseName ?? r.assignmentId;
      lines.push(`现场检查结果未被服务器接受（${name}）：${r.reason}`);
    }
  }
  const down = await http.request('GET', '/api/sync/field-tasks', syncAssignmentsOutput);
  const added = store.receive(down.assignments, at);
  if (added) lines.push(`收到现场检查任务${added}项`);
  return lines;
}
