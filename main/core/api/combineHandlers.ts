/**
 * The operations table's implementation is put together from one group of handlers per subject
 * (handlers/index.ts). Spreading the groups into one object would let a second handler for the same
 * operation silently replace the first; combining them here refuses that when the core starts, naming
 * the operation and both groups.
 */

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export function combineHandlers<G extends Record<string, object>>(groups: G): UnionToIntersection<G[keyof G]> {
  const out: Record<string, unknown> = {};
  const from = new Map<string, string>();
  for (const [group, handlers] of Object.entries(groups)) {
    for (const [op, handler] of Object.entries(handlers)) {
      const first = from.get(op);
      if (first !== undefined)
        throw new Error(`操作“${op}”的处理程序注册了两次（${first} 与 ${group}）：每个操作只能有一个处理程序`);
      from.set(op, group);
      out[op] = handler;
    }
  }
  return out as UnionToIntersection<G[keyof G]>;
}
