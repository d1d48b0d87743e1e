/**
 * pdf.js for the core (Node), loaded once and on first use, without leaving its polyfills on the
 * process's built-ins.
 *
 * Why: Node 20 needs pdf.js's legacy build (the modern one wants DOMMatrix and friends), and that
 * build, with its worker, carries core-js. Importing it *replaces* built-ins Node already has —
 * `JSON.stringify` (for JSON.rawJSON), `JSON.parse`, `Array.prototype.push`,
 * `Function.prototype.toString` (which then makes the polyfills claim to be “[native code]”). The
 * polyfilled `JSON.stringify` was ~100× slower and far hungrier: every reply of the web host went
 * through it, and a dossier of 50 photos killed the host (security audit). So: snapshot the
 * built-ins, import pdf.js and its worker (the fake worker pdf.js uses under Node would otherwise be
 * imported later, on the first document), then put back every built-in that was replaced. What
 * pdf.js *added* (Promise.withResolvers, Uint8Array.prototype.toHex …, absent from Node 20) stays:
 * pdf.js needs those, and nothing of ours changes behaviour because of them.
 */
type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The built-ins whose own properties (and prototypes') are kept as they were. */
function intrinsics(): object[] {
  const ctors: unknown[] = [
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    Symbol,
    Date,
    RegExp,
    Error,
    Promise,
    Map,
    Set,
    WeakMap,
    WeakSet,
    ArrayBuffer,
    DataView,
    Uint8Array,
    Object.getPrototypeOf(Uint8Array),
    Reflect,
    JSON,
    Math,
    Atomics,
    (globalThis as { Iterator?: unknown }).Iterator,
  ];
  const out: object[] = [globalThis];
  for (const c of ctors) {
    if (c === null || c === undefined) continue;
    out.push(c as object);
    const proto = (c as { prototype?: unknown }).prototype;
    // Function.prototype is itself a function.
    if (proto && (typeof proto === 'object' || typeof proto === 'function')) out.push(proto);
  }
  return out;
}

type Snapshot = Array<{ target: object; key: string | symbol; desc: PropertyDescriptor }>;

function snapshot(): Snapshot {
  const out: Snapshot = [];
  for (const target of intrinsics()) {
    for (const key of Reflect.ownKeys(target)) {
      const desc = Object.getOwnPropertyDescriptor(target, key);
      if (desc) out.push({ target, key, desc });
    }
  }
  return out;
}

const same = (a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean =>
  b !== undefined && a.get === b.get && a.set === b.set && (Object.is(a.value, b.value) || 'get' in a);

/** Puts back every property that changed; returns what was restored (for the test and the log). */
export function restoreIntrinsics(before: Snapshot): string[] {
  const restored: string[] = [];
  for (const { target, key, desc } of before) {
    const now = Object.getOwnPropertyDescriptor(target, key);
    if (same(desc, now)) continue;
    // Node's lazy getters on globalThis (DOMException, fetch …) hand out the same thing each time.
    try {
      Object.defineProperty(target, key, desc);
      restored.push(String(key));
    } catch {
      /* a non-configurable property cannot have been replaced either */
    }
  }
  return restored;
}

let loading: Promise<PdfjsModule> | null = null;

async function load(): Promise<PdfjsModule> {
  const before = snapshot();
  try {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The fake worker runs in this thread: handing pdf.js its handler now keeps its import inside the snapshot.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  } finally {
    restoreIntrinsics(before);
  }
}

/** The legacy build of pdf.js, with the process's built-ins as they were before it was loaded. */
export function pdfjs(): Promise<PdfjsModule> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
