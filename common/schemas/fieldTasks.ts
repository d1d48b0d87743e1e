/** 现场检查任务 on the workstation: the assignments received from the province, the inspection, 立案 from it. */
import { z } from 'zod';
import { openCaseInput } from './cases.js';
import { checklistRecord, offeredChecklist } from './industryChecklists.js';
import { isoDate, key, plainText } from './primitives.js';

export const fieldAssignment = z.object({
  id: z.string(),
  taskId: z.string(),
  taskName: z.string(),
  issuedBy: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  /** The enterprise in this desk's directory (null until the directory holding it is here). */
  enterpriseId: z.string().nullable(),
  /** The two officers drawn, with their ids in this desk's officer list. */
  officers: z.array(z.object({ officerId: z.string(), name: z.string(), certificateNo: z.string() })),
  /** open: nothing recorded; recorded: inspection kept here, not yet acknowledged by the server; done. */
  status: z.enum(['open', 'recorded', 'done']),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  result: z.enum(['clean', 'issues']).nullable(),
  recordedBy: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /** The server's reason when it refused this desk's result. */
  uploadError: z.string().nullable(),
  /** The 行业检查要点 offered for the enterprise's industry (null: none for it, or its industry unknown here). */
  checklist: offeredChecklist.nullable(),
  /** What was ticked when the inspection was recorded. */
  checklistTicks: checklistRecord.nullable(),
});
export type FieldAssignment = z.infer<typeof fieldAssignment>;

export const recordInspectionInput = z.object({
  assignmentId: key(64, '任务标识'),
  inspectedOn: isoDate,
  findings: plainText(4000, '检查情况').trim().min(1, '请填写检查情况'),
  result: z.enum(['clean', 'issues'], { error: '请选择检查结果：未发现问题或发现问题' }),
  /** The ids of the 行业检查要点 checked (of the checklist offered). */
  checked: z.array(key(64, '检查要点编号')).max(100).default([]),
});

/** 立案 from an inspection: the case input plus the assignment, linked in the same transaction. */
export const openFromInspectionInput = openCaseInput.extend({ assignmentId: key(64, '任务标识') });
