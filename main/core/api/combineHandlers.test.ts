import { describe, expect, it } from 'vitest';
import { combineHandlers } from './combineHandlers.js';
import { handlers } from './handlers/index.js';
import { operations } from '#common/operations.js';

describe('combineHandlers', () => {
  it('merges groups of handlers', () => {
    const a = () => 1;
    const b = () => 2;
    const merged = combineHandlers({ first: { 'x.one': a }, second: { 'x.two': b } });
    expect(merged).toEqual({ 'x.one': a, 'x.two': b });
  });

  it('refuses an operation registered twice, naming it and both groups', () => {
    expect(() => combineHandlers({ cases: { 'cases.get': () => 1 }, extra: { 'cases.get': () => 2 } })).toThrow(
      /操作“cases\.get”的处理程序注册了两次（cases 与 extra）/,
    );
  });

  it('the core has exactly one handler per operation of the table', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(operations).sort());
  });
});
