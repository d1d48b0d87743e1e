/**
 * The opening stretch many API tests share, driven through the public operations: a case filed on
 * 2026-03-02, investigated on 03-03 (the two records, no photos) and reported on 03-05 with the air
 * scenario's facts. Tests that check something inside this stretch write it out themselves.
 */
import type { CaseRunner } from './caseRunner.js';
import { airFacts, airReasoning } from './scenarioTexts.js';

/** From an opened case (r.caseId set) to 案件审查: filed, investigated, reported with this proposed fine. */
export async function fileInvestigateReport(r: CaseRunner, proposedFine: number): Promise<void> {
  await r.gen('filing-approval');
  await r.act(r.officer, 'submitFiling');
  await r.act(r.head, 'approveFiling', { comment: '同意立案。' });
  r.day('2026-03-03');
  await r.gen('inspection-record');
  await r.gen('interview-record');
  await r.photos([]);
  r.day('2026-03-05');
  await r.act(r.officer, 'finishInvestigation');
  await r.act(r.officer, 'submitReport', { facts: airFacts, proposedFine, investment: null, reasoning: airReasoning });
}
