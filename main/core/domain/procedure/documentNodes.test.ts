import { describe, expect, it } from 'vitest';
import { documentNodes } from './documentNodes.js';
import type { ProcedureDefinition } from './definition.js';

const def = (nodes: Array<[string, string[]]>) =>
  ({ nodes: nodes.map(([id, documents]) => ({ id, documents })) }) as unknown as ProcedureDefinition;

describe('where each document is made', () => {
  it('lists, per type, the nodes that make it across procedures, each node once, first seen first', () => {
    const made = documentNodes([
      def([
        ['a', ['x', 'y']],
        ['b', ['y']],
      ]),
      def([
        ['b', ['y']],
        ['c', ['x']],
      ]),
    ]);
    expect(made.get('x')).toEqual(['a', 'c']);
    expect(made.get('y')).toEqual(['a', 'b']);
    expect(made.has('z')).toBe(false);
  });
});
