/**
 * the case view tells the page what this user may not do although the procedure allows
 * it — the approval of his own step (处罚法 art. 57) and 定稿 before the approval — with the rule and
 * article, so the page never offers what the core refuses. Before: approveFiling was `allowed` for the
 * head who submitted it, and nothing said that the 立案审批表 could not be sealed yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { CaseRunner, openCase } from '../testing/caseRunner.js';
import { addDemoUser, secondHead } from '../testing/extraUsers.js';

let t: TestCore;
let head: string, head2: string, reviewer: string;

beforeAll(async () => {
  t = await createTestCore();
  addDemoUser(t, secondHead);
  [head, head2, reviewer] = (await Promise.all([
    t.login('head'),
    t.login('head2', 'Head2-password!'),
    t.login('reviewer'),
  ])) as [string, string, string];
}, 60_000);
afterAll(async () => t?.close());

describe('the case view says who may not act, and why', () => {
  it('the head who submitted sees 批准立案 blocked by separation of duties; another head sees it allowed; 定稿 waits for the approval', async () => {
    t.clock.setDate('2026-03-02');
    const r = new CaseRunner(t, { setDate: (d) => t.clock.setDate(d) }, head, head, reviewer);
    r.caseId = (await openCase(t, head, { officerIds: ['off-04', 'off-01'] })).state.id;
    const doc = await r.gen('filing-approval');
    await r.act(head, 'submitFiling');

    const mine = await t.call(head, 'cases.get', { caseId: r.caseId });
    const approve = mine.actions.find((a) => a.id === 'approveFiling')!;
    expect(approve.allowed).toBe(false);
    expect(approve.blockedBy).toEqual({
      rule: 'separationOfDuties',
      article: '《中华人民共和国行政处罚法》第五十七条',
      message: '“提交立案审批”是您本人办理的，审批须由办理人以外的负责人作出',
    });
    expect(approve.reasons).toContainEqual({
      rule: 'separationOfDuties',
      message: approve.blockedBy!.message,
      citation: approve.blockedBy!.article,
    });
    // Every head's decision on his own submission is blocked (批准 and 不予立案 alike); a send-back or a step is not.
    for (const a of mine.actions) expect([a.id, a.blockedBy !== undefined]).toEqual([a.id, a.kind === 'approval']);
    // 定稿 of the 立案审批表 is gated until it is approved, saying which approval and the article.
    expect(mine.documentGates).toEqual([
      {
        documentId: (doc as { id: string }).id,
        action: 'finalise',
        blockedBy: expect.objectContaining({ rule: 'approvalBeforeSeal' }),
      },
    ]);
    expect(mine.documentGates[0]!.blockedBy.message).toContain('批准立案');
    const refused = await expectFailure(
      t.call(head, 'documents.finalise', { caseId: r.caseId, documentId: (doc as { id: string }).id }),
    );
    expect(refused.code).toBe('APPROVAL_REQUIRED');
    expect(refused.message).toBe(mine.documentGates[0]!.blockedBy.message);

    const theirs = await t.call(head2, 'cases.get', { caseId: r.caseId });
    const approve2 = theirs.actions.find((a) => a.id === 'approveFiling')!;
    expect(approve2).toMatchObject({ allowed: true });
    expect(approve2.blockedBy).toBeUndefined();
    // A reviewer cannot approve at all: his role says so, no duty rule is added.
    const byReviewer = (await t.call(reviewer, 'cases.get', { caseId: r.caseId })).actions.find(
      (a) => a.id === 'approveFiling',
    )!;
    expect(byReviewer.reasons.map((x) => x.rule)).toEqual(['role']);

    const approved = await r.act(head2, 'approveFiling', { comment: '同意立案。' });
    expect(approved.documentGates).toEqual([]);
  });
});
