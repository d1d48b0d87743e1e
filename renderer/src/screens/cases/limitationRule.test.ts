import { describe, expect, it } from 'vitest';
import { harmLabel, limitationRuleOn, limitationRulesFor } from './limitationRule';
import { actDateOf, emptyDraft, lawDateOf } from './openCaseDraft';

describe("the limitation question of the act's day", () => {
  it('asks 处罚法 art. 36 before the Code and art. 1054 from its commencement', () => {
    expect(limitationRuleOn('2026-08-14').harm).toBe('seriousHarm');
    expect(limitationRuleOn('2026-08-15').harm).toBe('pollutionHarm');
    expect(harmLabel(limitationRuleOn('2026-09-01'))).toBe(
      '造成环境污染、生态破坏等危害后果（生态环境法典第一千零五十四条：时效五年）',
    );
    expect(harmLabel(limitationRuleOn('2026-06-01'))).toBe(
      '涉及公民生命健康安全、金融安全且有危害后果（行政处罚法第三十六条：时效五年）',
    );
  });

  it('asks both for an act before the Code discovered after it (the shorter period applies)', () => {
    expect(limitationRulesFor('2026-06-01', '2026-12-01').map((r) => r.harm)).toEqual(['seriousHarm', 'pollutionHarm']);
    expect(limitationRulesFor('2026-06-01', '2026-07-01').map((r) => r.harm)).toEqual(['seriousHarm']);
    expect(limitationRulesFor('2026-09-01', '2026-12-01').map((r) => r.harm)).toEqual(['pollutionHarm']);
  });
});

describe('the day whose law the 立案 form follows', () => {
  const draft = { ...emptyDraft(null), discoveredOn: '2026-12-01' };

  it("is the act's day, else today", () => {
    expect(actDateOf({ ...draft, violationOn: '' })).toBeNull();
    expect(lawDateOf({ ...draft, violationOn: '' }, '2026-12-07')).toBe('2026-12-07');
    expect(lawDateOf({ ...draft, violationOn: '2026-06-01' }, '2026-12-07')).toBe('2026-06-01');
  });

  it('dates an act still going on by its discovery, as the core does until its end is recorded', () => {
    expect(actDateOf({ ...draft, violationOn: '2026-06-01', continuing: true })).toBe('2026-12-01');
  });

  it('keeps the old drafts readable: the new question starts unanswered', () => {
    expect(emptyDraft(null).pollutionHarm).toBe(false);
  });
});
