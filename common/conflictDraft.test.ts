import { describe, expect, it } from 'vitest';
import { formValuesOfData } from './conflictDraft.js';

describe('formValuesOfData', () => {
  it('gives back what the form held: text and ticks as they were, figures as digits, nothing as an empty box', () => {
    expect(
      formValuesOfData({
        facts: '超标排放',
        proposedFine: 200000,
        investment: null,
        major: false,
        discretion: { band: 'B', amount: 1 },
      }),
    ).toEqual({
      facts: '超标排放',
      proposedFine: '200000',
      investment: '',
      major: false,
      discretion: '{"band":"B","amount":1}',
    });
  });

  it('is empty for data that is not an object (an action without a form)', () => {
    expect(formValuesOfData(undefined)).toEqual({});
    expect(formValuesOfData([1, 2])).toEqual({});
    expect(formValuesOfData('x')).toEqual({});
  });
});
