/**
 * a document is sealed (定稿) only after the approval the procedure requires for the step
 * that issues it (处罚法 arts. 57, 59; 生态环境行政处罚办法), read from the procedure data; documents
 * whose node needs no approval are unaffected. And the bound 备考表 prints the chain head.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { CaseRunner, openCase } from '../testing/caseRunner.js';
import { airFacts, airReasoning } from '../testing/scenarioTexts.js';
import { pdfPageTexts } from '../documents/pdf/pdfText.js';
import { approvalsRequiredToSeal } from '../domain/procedure/sealApproval.js';
import { groupedHead } from '../dossier/buildCaseDossier.js';

let t: TestCore;
const hooks = () => ({ setDate: (d: string) => t.clock.setDate(d) });
beforeAll(async () => {
  t = await createTestCore();
}, 60_000);
afterAll(async () => t?.close());

describe('the approvals the procedure data requires before 定稿', () => {
  it('maps each approved document to the head’s approval, and leaves the others alone', () => {
    const def =
      t.core.services.procedures.get('ordinary@2026.2') ??
      [...t.core.services.procedures.values()].find((d) => d.id === 'ordinary')!;
    const ids = (type: string) => approvalsRequiredToSeal(def, type).flatMap((r) => r.actions.map((a) => a.id));
    expect(ids('filing-approval')).toContain('approveFiling');
    expect(ids('penalty-notice')).toEqual(['approveNotice']);
    expect(ids('penalty-decision')).toEqual(['approveDecision']);
    expect(approvalsRequiredToSeal(def, 'penalty-decision')[0]!.citation).toContain('行政处罚法第五十七条');
    expect(ids('closing-approval')).toEqual(['approveClosing']);
    expect(ids('inspection-record')).toEqual([]);
    expect(ids('service-receipt')).toEqual([]);
  });
});

describe('定稿 before the approval', () => {
  it('refuses the 告知书 and 决定书 until the head approves them, names the approval and the article; allows them after', async () => {
    const r = await CaseRunner.start(t, hooks());
    r.day('2026-03-02');
    r.caseId = (
      await openCase(t, r.officer, { filedOn: r.today, discoveredOn: r.today, violationOn: r.today })
    ).state.id;
    await r.gen('filing-approval');
    const filing = await expectFailure(r.finalise('filing-approval'));
    expect(filing).toMatchObject({ code: 'APPROVAL_REQUIRED', message: expect.stringContaining('“批准立案”') });
    await r.act(r.officer, 'submitFiling');
    expect((await expectFailure(r.finalise('filing-approval'))).code).toBe('APPROVAL_REQUIRED');
    await r.act(r.head, 'approveFiling', { comment: '同意立案。' });
    await r.finalise('filing-approval');
    r.day('2026-03-03');
    await r.gen('inspection-record');
    await r.finalise('inspection-record'); // no approval at its node: unaffected
    await r.gen('interview-record');
    await r.photos([]);
    r.day('2026-03-05');
    await r.act(r.officer, 'finishInvestigation');
    await r.act(r.officer, 'submitReport', {
      facts: airFacts,
      proposedFine: 150000,
      investment: null,
      reasoning: airReasoning,
    });
    await r.gen('internal-approval');
    await r.act(r.head, 'passReview', { comment: '同意。' });
    await r.gen('penalty-notice');
    await r.act(r.officer, 'submitNotice');
    const notice = await expectFailure(r.finalise('penalty-notice'));
    expect(notice.code).toBe('APPROVAL_REQUIRED');
    expect(notice.message).toContain('“批准事先告知”');
    await r.act(r.head, 'approveNotice', { comment: '同意告知。' });
    await r.finalise('penalty-notice');
    r.day('2026-03-06');
    await r.gen('service-receipt', { servedDocument: '行政处罚事先告知书' });
    await r.act(r.officer, 'serveNotice');
    r.day('2026-03-16');
    await r.act(r.officer, 'closeDefence');
    await r.gen('penalty-decision');
    const early = await expectFailure(r.finalise('penalty-decision'));
    expect(early.code).toBe('APPROVAL_REQUIRED');
    expect(early.message).toBe(
      '《行政处罚决定书》须经负责人“批准决定”后方可定稿盖章（依据：行政处罚法第五十七条）；当前尚未批准',
    );
    await r.act(r.officer, 'submitDecision');
    expect((await expectFailure(r.finalise('penalty-decision'))).code).toBe('APPROVAL_REQUIRED');
    const view = await t.call(r.officer, 'cases.get', { caseId: r.caseId });
    expect(view.state.documents.filter((d) => d.type === 'penalty-decision').every((d) => !d.finalised)).toBe(true);
    await r.act(r.head, 'approveDecision', { comment: '同意。' });
    r.day('2026-03-17');
    const sealed = await r.finalise('penalty-decision');
    expect(sealed.finalised).toBeTruthy();

    // The bound 备考表 anchors the chain head outside the PC.
    const before = (await t.call(r.officer, 'cases.get', { caseId: r.caseId })).state;
    const built = await t.call(r.officer, 'dossier.build', { caseId: r.caseId });
    const pages = (
      await pdfPageTexts(Buffer.from((await t.call(r.officer, 'blobs.read', { hash: built.pdfHash })).base64, 'base64'))
    ).map((p) => p.replace(/\s+/g, ''));
    const last = pages.at(-1)!;
    expect(last).toContain('备考表');
    expect(last).toContain(`共有操作记录${before.version}条`);
    expect(last).toContain(`末条记录哈希（SHA-256前16位）为${groupedHead(before.lastHash).replace(/\s+/g, '')}`);
    expect(last).toContain('立卷时哈希链校验完整');
    expect(groupedHead(before.lastHash)).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  }, 180_000);
});
