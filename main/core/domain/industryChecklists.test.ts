import { describe, expect, it } from 'vitest';
import type { IndustryChecklists } from '#common/schemas/industryChecklists.js';
import { checklistFor } from './industryChecklists.js';

const item = [{ id: 'a', text: '检查' }];
const data: IndustryChecklists = {
  version: 't',
  source: 't',
  verified: false,
  checklists: [
    { name: '化学原料和化学制品制造', industries: ['C26'], items: item },
    { name: '农药制造', industries: ['C263'], items: item },
    { name: '火力发电', industries: ['D4411'], items: item },
    { name: '制造业', industries: ['C'], items: item },
  ],
};

describe('checklistFor', () => {
  it('offers the most specific industry, with or without the section letter', () => {
    expect(checklistFor(data, 'C2614')?.name).toBe('化学原料和化学制品制造');
    expect(checklistFor(data, '2614')?.name).toBe('化学原料和化学制品制造');
    expect(checklistFor(data, 'C2631')?.name).toBe('农药制造');
    expect(checklistFor(data, 'd4411')?.name).toBe('火力发电');
    expect(checklistFor(data, 'C3011')?.name).toBe('制造业');
  });

  it('offers none for another section, a shorter code or no code', () => {
    expect(checklistFor(data, 'D4412')).toBeNull();
    expect(checklistFor(data, 'E2614')).toBeNull(); // the letter disagrees
    expect(checklistFor(data, '44')).toBeNull();
    expect(checklistFor(data, '')).toBeNull();
    expect(checklistFor(data, null)).toBeNull();
  });
});
