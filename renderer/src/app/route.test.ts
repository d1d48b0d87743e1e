import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('routes in the hash', () => {
  it('round-trips a case page and its tab', () => {
    const r = { name: 'case' as const, caseId: '01ABC', tab: 'history' as const };
    expect(parseRoute(hrefOf(r))).toEqual(r);
  });

  it('falls back to the list, and to the 文书 tab', () => {
    expect(parseRoute('')).toEqual({ name: 'cases' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'cases' });
    expect(parseRoute('#/cases/X/bogus')).toEqual({ name: 'case', caseId: 'X', tab: 'documents' });
  });
  it("has a page for the bureau's deadlines", () => {
    expect(parseRoute('#/deadlines')).toEqual({ name: 'deadlines' });
    expect(hrefOf({ name: 'deadlines' })).toBe('#/deadlines');
  });
  it("has a page for the bureau's settings", () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute(hrefOf({ name: 'settings' }))).toEqual({ name: 'settings' });
  });
});
