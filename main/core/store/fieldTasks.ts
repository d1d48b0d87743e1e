/**
 * The `field_assignments` table: 现场检查任务 received from the server and what this desk recorded.
 * What the server sends refreshes the task's fields and its status, never a result recorded here;
 * a result recorded on another desk of the county arrives as the server's and fills an empty row.
 */
import type { ChecklistRecord } from '#common/schemas/industryChecklists.js';
import type { SyncAssignment } from '#common/sync/fieldTasks.js';
import type { Db } from './db.js';

export interface AssignmentRow {
  id: string;
  taskId: string;
  taskName: string;
  issuedBy: string;
  periodFrom: string;
  periodTo: string;
  position: number;
  uscc: string;
  enterpriseName: string;
  officers: Array<{ id: string; name: string; certificateNo: string }>;
  serverStatus: 'open' | 'done';
  inspectedOn: string | null;
  findings: string | null;
  result: 'clean' | 'issues' | null;
  recordedBy: string | null;
  recordedAt: string | null;
  caseId: string | null;
  caseNumber: string | null;
  uploaded: boolean;
  uploadError: string | null;
  /** The 行业检查要点 ticked with the inspection (null: none offered). */
  checklist: ChecklistRecord | null;
}

const columns = `id, task_id AS taskId, task_name AS taskName, issued_by AS issuedBy, period_from AS periodFrom,
  period_to AS periodTo, position, uscc, enterprise_name AS enterpriseName, officers_json AS officers,
  server_status AS serverStatus, inspected_on AS inspectedOn, findings, result, recorded_by AS recordedBy,
  recorded_at AS recordedAt, case_id AS caseId, case_number AS caseNumber, uploaded, upload_error AS uploadError,
  checklist_json AS checklist`;

type Raw = Omit<AssignmentRow, 'officers' | 'uploaded' | 'checklist'> & {
  officers: string;
  uploaded: number;
  checklist: string | null;
};
const toRow = (r: Raw): AssignmentRow => ({
  ...r,
  officers: JSON.parse(r.officers) as AssignmentRow['officers'],
  uploaded: r.uploaded === 1,
  checklist: r.checklist ? (JSON.parse(r.checklist) as ChecklistRecord) : null,
});

export class FieldTaskStore {
  constructor(private readonly db: Db) {}

  all(): AssignmentRow[] {
    return (
      this.db
        .prepare(`SELECT ${columns} FROM field_assignments ORDER BY period_to DESC, task_id, position`)
        .all() as Raw[]
    ).map(toRow);
  }

  get(id: string): AssignmentRow | null {
    const r = this.db.prepare(`SELECT ${columns} FROM field_assignments WHERE id = ?`).get(id) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  /** Results and case links the server has not acknowledged yet. */
  pending(): AssignmentRow[] {
    return (this.db.prepare(`SELECT ${columns} FROM field_assignments WHERE uploaded = 0`).all() as Raw[]).map(toRow);
  }

  /** The server's assignments in one transaction; returns how many were new to this desk. */
  receive(list: readonly SyncAssignment[], at: string): number {
    const known = this.db.prepare('SELECT 1 FROM field_assignments WHERE id = ?');
    const upsert = this.db.prepare(`
      INSERT INTO field_assignments (id, task_id, task_name, issued_by, period_from, period_to, position, uscc,
        enterprise_name, officers_json, server_status, inspected_on, findings, result, recorded_by, case_id, case_number,
        uploaded, received_at)
      VALUES (@id, @taskId, @taskName, @issuedBy, @periodFrom, @periodTo, @position, @uscc, @enterpriseName,
        @officers, @status, @inspectedOn, @findings, @result, @recordedBy, @caseId, @caseNumber, 1, @at)
      ON CONFLICT (id) DO UPDATE SET task_name = excluded.task_name, issued_by = excluded.issued_by,
        period_from = excluded.period_from, period_to = excluded.period_to, enterprise_name = excluded.enterprise_name,
        officers_json = excluded.officers_json, server_status = excluded.server_status,
        inspected_on = coalesce(field_assignments.inspected_on, excluded.inspected_on),
        findings = coalesce(field_assignments.findings, excluded.findings),
        result = coalesce(field_assignments.result, excluded.result),
        recorded_by = coalesce(field_assignments.recorded_by, excluded.recorded_by),
        case_id = coalesce(field_assignments.case_id, excluded.case_id),
        case_number = coalesce(field_assignments.case_number, excluded.case_number)`);
    let added = 0;
    this.db.transaction(() => {
      for (const a of list) {
        if (!known.get(a.id)) added++;
        upsert.run({ ...a, officers: JSON.stringify(a.officers), at });
      }
    })();
    return added;
  }

  record(
    id: string,
    r: {
      inspectedOn: string;
      findings: string;
      result: 'clean' | 'issues';
      recordedBy: string;
      checklist?: ChecklistRecord | null;
    },
    at: string,
  ): void {
    this.db
      .prepare(
        `UPDATE field_assignments SET inspected_on = ?, findings = ?, result = ?, recorded_by = ?, recorded_at = ?,
           checklist_json = ?, uploaded = 0, upload_error = NULL WHERE id = ?`,
      )
      .run(r.inspectedOn, r.findings, r.result, r.recordedBy, at, r.checklist ? JSON.stringify(r.checklist) : null, id);
  }

  linkCase(id: string, caseId: string, caseNumber: string): void {
    this.db
      .prepare(
        'UPDATE field_assignments SET case_id = ?, case_number = ?, uploaded = 0, upload_error = NULL WHERE id = ?',
      )
      .run(caseId, caseNumber, id);
  }

  /**
   * The server's answer to a push: accepted ones are done, refused ones keep the reason and stop being
   * resent. A row changed while the push was out (a case opened from it) stays pending for the next one.
   */
  acknowledge(
    sent: readonly AssignmentRow[],
    accepted: readonly string[],
    refused: ReadonlyArray<{ assignmentId: string; reason: string }>,
  ): void {
    const caseOf = new Map(sent.map((r) => [r.id, r.caseId ?? '']));
    const ok = this.db.prepare(
      "UPDATE field_assignments SET uploaded = 1, upload_error = NULL, server_status = 'done' WHERE id = ? AND coalesce(case_id, '') = ?",
    );
    const no = this.db.prepare(
      "UPDATE field_assignments SET uploaded = 1, upload_error = ? WHERE id = ? AND coalesce(case_id, '') = ?",
    );
    this.db.transaction(() => {
      for (const id of accepted) ok.run(id, caseOf.get(id) ?? '');
      for (const r of refused) no.run(r.reason, r.assignmentId, caseOf.get(r.assignmentId) ?? '');
    })();
  }

  /** The enterprise of this desk's directory with this 统一社会信用代码, if it is here. */
  enterpriseIdOf(uscc: string): string | null {
    const r = this.db.prepare('SELECT id FROM enterprises WHERE uscc = ?').get(uscc) as { id: string } | undefined;
    return r?.id ?? null;
  }

  /** The GB/T 4754 code this desk's directory gives the enterprise (the 行业检查要点 offered follow it). */
  industryCodeOf(uscc: string): string | null {
    const r = this.db.prepare('SELECT industry_code AS code FROM enterprises WHERE uscc = ?').get(uscc) as
      | { code: string }
      | undefined;
    return r?.code || null;
  }

  /** The task a case was opened from (the case page and the case's own record of where it came from). */
  forCase(caseId: string): AssignmentRow | null {
    const r = this.db.prepare(`SELECT ${columns} FROM field_assignments WHERE case_id = ?`).get(caseId) as
      | Raw
      | undefined;
    return r ? toRow(r) : null;
  }
}
