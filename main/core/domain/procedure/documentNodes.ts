/**
 * Where each document is made: derived from the procedures' nodes (`documents`), the one source of
 * that fact. Pure.
 */
import type { ProcedureDefinition } from './definition.js';

/** For each document type, the ids of the nodes that make it, over `definitions` (each id once, first seen first). */
export function documentNodes(definitions: Iterable<ProcedureDefinition>): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const def of definitions)
    for (const node of def.nodes)
      for (const type of node.documents) {
        const nodes = byType.get(type) ?? [];
        if (!nodes.includes(node.id)) nodes.push(node.id);
        byType.set(type, nodes);
      }
  return byType;
}
