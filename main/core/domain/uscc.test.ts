import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar, usccProblem } from './uscc.js';

describe('统一社会信用代码 check digit (GB 32100)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    expect(isValidUscc('91110000600037341L')).toBe(true);
    expect(isValidUscc('911100001000044477')).toBe(true);
  });
  it('computes the check character', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });
  it('rejects a wrong check digit, wrong length and forbidden letters', () => {
    expect(usccProblem('91110000600037341M')).toBe('checkDigit');
    expect(usccProblem('9111000060003734')).toBe('length');
    expect(usccProblem('9111000060003734IO')).toBe('charset');
  });
});
