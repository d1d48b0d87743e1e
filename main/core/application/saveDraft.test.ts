/**
 * Drafts (drafts.save / get / list / discard): a user's own, bounded, kept across a restart, and
 * gone in the transaction of what they became (a case, a document, an action) — kept when that fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionDraftForm, documentDraftForm, maxDraftChars, openCaseDraftForm } from '#common/schemas/drafts.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';

let t: TestCore;
let officer: string, officer2: string, head: string;
let caseId = '';

beforeAll(async () => {
  t = await createTestCore();
  [officer, officer2, head] = (await Promise.all(['officer', 'officer2', 'head'].map((u) => t.login(u)))) as [
    string,
    string,
    string,
  ];
  // 张伟 (officer) and 王强: 李娜 (officer2) is not on this case.
  caseId = (await openCase(t, officer, { officerIds: ['off-01', 'off-03'] })).state.id;
}, 60_000);
afterAll(async () => t?.close());

const form = documentDraftForm('inspection-record');

describe('drafts', () => {
  it('keeps the last save of a form and gives it back with the time of the core', async () => {
    await t.call(officer, 'drafts.save', { caseId, form, values: { inspectionPlace: '一车间' } });
    t.clock.set('2026-03-02T03:15:00Z');
    const { savedAt } = await t.call(officer, 'drafts.save', { caseId, form, values: { inspectionPlace: '二车间' } });
    expect(savedAt).toBe('2026-03-02T03:15:00.000Z');
    const got = await t.call(officer, 'drafts.get', { caseId, form });
    expect(got).toEqual({ caseId, form, values: { inspectionPlace: '二车间' }, savedAt });
    expect(await t.call(officer, 'drafts.get', { caseId, form: documentDraftForm('interview-record') })).toBeNull();
  });

  it('is the user’s own: another user neither reads, lists nor discards it', async () => {
    await t.call(head, 'drafts.save', { caseId, form, values: { inspectionPlace: '负责人的草稿' } });
    expect(
      ((await t.call(officer, 'drafts.get', { caseId, form }))?.values as Record<string, string> | undefined)
        ?.inspectionPlace,
    ).toBe('二车间');
    expect(await t.call(head, 'drafts.discard', { caseId, form })).toEqual({ discarded: true });
    expect(await t.call(officer, 'drafts.get', { caseId, form })).not.toBeNull();
    expect((await t.call(head, 'drafts.list', {})).some((d) => d.caseId === caseId)).toBe(false);
    // An officer not on the case keeps no draft of it (the case is not his to see).
    const refused = await expectFailure(t.call(officer2, 'drafts.save', { caseId, form, values: { a: 'x' } }));
    expect(refused.code).toBe('FORBIDDEN_CASE');
  });

  it('lists the user’s drafts with the case number, and a 立案 draft without a case', async () => {
    await t.call(officer, 'drafts.save', { caseId: null, form: openCaseDraftForm, values: { summary: '待立案' } });
    const list = await t.call(officer, 'drafts.list', {});
    const number = (await t.call(officer, 'cases.get', { caseId })).state.number;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId, caseNumber: number, form }),
        expect.objectContaining({ caseId: null, caseNumber: null, form: openCaseDraftForm }),
      ]),
    );
  });

  it('names each draft’s form and party as 我的草稿 shows them', async () => {
    const report = actionDraftForm('submitReport');
    await t.call(officer, 'drafts.save', { caseId, form: report, values: { facts: '超标排放' } });
    await t.call(officer, 'drafts.save', { caseId, form: 'action:noSuchAction@main', values: { a: 1 } });
    const list = await t.call(officer, 'drafts.list', {});
    const party = (await t.call(officer, 'cases.get', { caseId })).state.party.name;
    const named = (f: string) => list.find((d) => d.caseId === caseId && d.form === f);
    expect(named(form)).toMatchObject({ formName: '生成《现场检查(勘察)笔录》', partyName: party });
    expect(named(report)?.formName).toBe('提交调查报告');
    expect(named('action:noSuchAction@main')?.formName).toBe('表单');
    expect(list.find((d) => d.form === openCaseDraftForm)).toMatchObject({ formName: '立案登记', partyName: null });
    await t.call(officer, 'drafts.discard', { caseId, form: 'action:noSuchAction@main' });
    await t.call(officer, 'drafts.discard', { caseId, form: report });
  });

  it('refuses a draft above the limit with a Chinese message, keeping the one saved before', async () => {
    const big = '字'.repeat(maxDraftChars + 10);
    const e = await expectFailure(t.call(officer, 'drafts.save', { caseId, form, values: { inspectionPlace: big } }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('草稿过大');
    expect(e.message).not.toMatch(/[/\\]|Error/);
    expect(
      ((await t.call(officer, 'drafts.get', { caseId, form }))?.values as Record<string, string> | undefined)
        ?.inspectionPlace,
    ).toBe('二车间');
  });

  it('refuses a malformed form key and an unknown case, in Chinese', async () => {
    expect((await expectFailure(t.call(officer, 'drafts.get', { caseId, form: 'a b' }))).message).toContain('表单标识');
    const e = await expectFailure(t.call(officer, 'drafts.save', { caseId: 'no-such-case', form, values: {} }));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '案件不存在，草稿未保存' });
  });

  it('is discarded only when asked', async () => {
    const f = actionDraftForm('submitFiling');
    await t.call(officer, 'drafts.save', { caseId, form: f, values: { x: 1 } });
    expect(await t.call(officer, 'drafts.discard', { caseId, form: f })).toEqual({ discarded: true });
    expect(await t.call(officer, 'drafts.get', { caseId, form: f })).toBeNull();
    expect(await t.call(officer, 'drafts.discard', { caseId, form: f })).toEqual({ discarded: false });
  });
});

describe('a draft becomes what it was typed for', () => {
  it('goes with the document it became, and stays when the generation is refused', async () => {
    const f = documentDraftForm('filing-approval');
    await t.call(officer, 'drafts.save', { caseId, form: f, values: { filingOpinion: '建议立案' } });
    // A form that fails (an unknown field type, a wrong node) keeps the draft.
    await expectFailure(t.call(officer, 'documents.generate', { caseId, type: 'penalty-decision', fields: {} }));
    await t.call(officer, 'drafts.save', { caseId, form: documentDraftForm('penalty-decision'), values: { a: 'b' } });
    await expectFailure(t.call(officer, 'documents.generate', { caseId, type: 'penalty-decision', fields: {} }));
    expect(await t.call(officer, 'drafts.get', { caseId, form: documentDraftForm('penalty-decision') })).not.toBeNull();
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
    const fields = Object.fromEntries(
      tpl.fields
        .filter((x) => x.source === 'input')
        .map((x) => [x.key, x.input === 'date' ? '2026-03-02' : '建议立案']),
    );
    await t.call(officer, 'documents.generate', { caseId, type: 'filing-approval', fields });
    expect(await t.call(officer, 'drafts.get', { caseId, form: f })).toBeNull();
  });

  it('goes with the action it became, only the actor’s own', async () => {
    const f = actionDraftForm('submitFiling');
    await t.call(officer, 'drafts.save', { caseId, form: f, values: { note: '我的' } });
    await t.call(head, 'drafts.save', { caseId, form: f, values: { note: '负责人的' } });
    await t.call(officer, 'cases.act', { caseId, action: 'submitFiling', data: {}, track: 'main' });
    expect(await t.call(officer, 'drafts.get', { caseId, form: f })).toBeNull();
    expect(await t.call(head, 'drafts.get', { caseId, form: f })).not.toBeNull();
  });

  it('goes with the case a 立案 draft became', async () => {
    await t.call(officer, 'drafts.save', { caseId: null, form: openCaseDraftForm, values: { summary: '待立案' } });
    await openCase(t, officer);
    expect(await t.call(officer, 'drafts.get', { caseId: null, form: openCaseDraftForm })).toBeNull();
  });
});

describe('a draft outlives the core', () => {
  it('is there after a restart on the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-drafts-'));
    try {
      const a = await createTestCore({ dir });
      await a.call(await a.login('officer'), 'drafts.save', {
        caseId: null,
        form: openCaseDraftForm,
        values: { summary: '重启前输入的案情' },
      });
      await a.close();
      const b = await createTestCore({ dir });
      const got = await b.call(await b.login('officer'), 'drafts.get', { caseId: null, form: openCaseDraftForm });
      await b.close();
      expect(got?.values).toEqual({ summary: '重启前输入的案情' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
