/**
 * Reference lists (文书模板, 违法行为类型, 执法人员, 裁量基准 …) are read by many screens and change only
 * when someone imports or edits them: each is asked once and kept here until a write that changes it.
 * What each write changes is listed below, next to the lists, so a new list or a new import is one line.
 * Every other read goes to the core each time (cases, deadlines, settings: another user changes them).
 */
import type { OpInput, OpName, OpOutput } from '#common/operations';

export const referenceOps: ReadonlySet<OpName> = new Set<OpName>([
  'templates.list',
  'violations.list',
  'officers.list',
  'discretion.list',
  'laws.list',
  'procedures.list',
  'calendar.list',
]);

/** The reference lists a successful write changes; `all` when the data (or the user) may all be new. */
export const changedBy: Partial<Record<OpName, readonly OpName[] | 'all'>> = {
  'templates.import': ['templates.list'],
  'laws.import': ['laws.list'],
  'discretion.import': ['discretion.list'],
  'procedures.import': ['procedures.list'],
  'calendar.import': ['calendar.list'],
  // An officer's 执法证 is a row of the officer directory, offered in 立案.
  'users.create': ['officers.list'],
  'users.setRoles': ['officers.list'],
  'users.disable': ['officers.list'],
  'users.enable': ['officers.list'],
  'backup.restore': 'all',
  'setup.run': 'all',
  'session.login': 'all',
  'session.logout': 'all',
};

interface Entry {
  op: OpName;
  promise: Promise<unknown>;
  /** Set once the answer came, for a first render without a loading flash. */
  value?: { v: unknown };
}

const entries = new Map<string, Entry>();
const listeners = new Set<(ops: readonly OpName[]) => void>();

export const keyOf = (op: OpName, input: unknown): string => `${op} ${JSON.stringify(input ?? {})}`;

/**
 * The answer for `op(input)`: a reference list from the cache (one request shared by every screen
 * asking at once), anything else from `load`. `fresh` asks the core again and replaces the entry.
 */
export function cachedRead<N extends OpName>(
  op: N,
  input: OpInput<N>,
  load: (op: N, input: OpInput<N>) => Promise<OpOutput<N>>,
  fresh = false,
): Promise<OpOutput<N>> {
  if (!referenceOps.has(op)) return load(op, input);
  const key = keyOf(op, input);
  const known = entries.get(key);
  if (known && !fresh) return known.promise as Promise<OpOutput<N>>;
  const entry: Entry = { op, promise: load(op, input) };
  entries.set(key, entry);
  // An answer that arrives after an invalidation is not kept: the entry it belonged to is gone.
  entry.promise.then(
    (v) => {
      if (entries.get(key) === entry) entry.value = { v };
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry.promise as Promise<OpOutput<N>>;
}

/** The cached answer, if it has arrived. */
export function peek<N extends OpName>(op: N, input: OpInput<N>): { v: OpOutput<N> } | undefined {
  return entries.get(keyOf(op, input))?.value as { v: OpOutput<N> } | undefined;
}

/** Forgets the given lists (every list for `all`) and tells the screens showing them to ask again. */
export function invalidate(ops: readonly OpName[] | 'all'): void {
  const dropped = ops === 'all' ? [...referenceOps] : ops;
  for (const [key, entry] of entries) if (dropped.includes(entry.op)) entries.delete(key);
  for (const fn of listeners) fn(dropped);
}

/** After a successful write: forgets what it changed. */
export function invalidateAfter(op: OpName): void {
  const ops = changedBy[op];
  if (ops) invalidate(ops);
}

export function onInvalidate(fn: (ops: readonly OpName[]) => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}
