import { describe, expect, it } from 'vitest';
import { canCall } from './canCall';
import { operations, opNames } from '#common/operations';
import { roles } from '#common/roles';

describe('canCall reads the operations table', () => {
  it("agrees with every operation's access for every role", () => {
    for (const op of opNames) {
      const access = operations[op].access;
      for (const role of roles) {
        expect([op, role, canCall([role], op)]).toEqual([
          op,
          role,
          access === 'public' || access === 'any' || access.includes(role),
        ]);
      }
    }
  });

  it('answers for the roles a user holds', () => {
    expect(canCall(['officer'], 'cases.open')).toBe(true);
    expect(canCall(['reviewer'], 'cases.open')).toBe(false);
    expect(canCall(['reviewer'], 'documents.finalise')).toBe(false);
    expect(canCall(['officer', 'reviewer'], 'documents.finalise')).toBe(true);
    expect(canCall(['head'], 'users.create')).toBe(false);
    expect(canCall(['admin'], 'users.create')).toBe(true);
    expect(canCall([], 'cases.get')).toBe(true); // 'any': the login is checked by the core
  });
});
