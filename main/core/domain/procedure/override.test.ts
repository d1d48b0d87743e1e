import { describe, expect, it } from 'vitest';
import { mayOverrideLegality, overridableNow, overriddenBy } from './override.js';

const legality = { rule: 'legality:limitation', review: { check: 'limitation', name: '追责时效' } };
const missing: { rule: string; review?: undefined } = { rule: 'hasDocument' };

describe('who may go on past a failed legality review', () => {
  it('a head, on an overridable action blocked by legality rules alone', () => {
    expect(overridableNow({ overridable: true }, [legality, legality], ['officer', 'head'])).toBe(true);
  });

  it('not when another rule blocks it too, nor when nothing blocks it', () => {
    expect(overridableNow({ overridable: true }, [legality, missing], ['head'])).toBe(false);
    expect(overridableNow({ overridable: true }, [], ['head'])).toBe(false);
  });

  it('not for a role that may not override, nor where the procedure forbids it', () => {
    expect(mayOverrideLegality(['officer', 'reviewer'])).toBe(false);
    expect(overridableNow({ overridable: true }, [legality], ['officer', 'reviewer', 'admin'])).toBe(false);
    expect(overridableNow({ overridable: false }, [legality], ['head'])).toBe(false);
    expect(overridableNow({}, [legality], ['head'])).toBe(false);
  });
});

describe('which failures a recorded override covers', () => {
  it('the legality check it names, by the check and not by the rule’s name', () => {
    expect(overriddenBy(legality, [{ rule: 'limitation' }])).toBe(true);
    expect(overriddenBy(legality, [{ rule: 'evidence' }, { rule: 'limitation' }])).toBe(true);
    expect(overriddenBy(legality, [{ rule: 'legality:limitation' }])).toBe(false);
    expect(overriddenBy(legality, [{ rule: 'evidence' }])).toBe(false);
    expect(overriddenBy(legality, undefined)).toBe(false);
  });

  it('never a rule that is not a legality check, even one named like it', () => {
    expect(overriddenBy(missing, [{ rule: 'hasDocument' }])).toBe(false);
    const namedLikeIt: { rule: string; review?: undefined } = { rule: 'legality:limitation' };
    expect(overriddenBy(namedLikeIt, [{ rule: 'limitation' }])).toBe(false);
  });
});
