/**
 * every operation's input is bounded. The walker goes through each input schema and names
 * every string, list, map or free JSON value without a limit; the list must be empty. A limit is a
 * max length (or an exact length, or an anchored pattern such as a date), or `sizeBounded` on a
 * whole map or document. Then the limits are shown to hold at run time, in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations, type OpName } from '../operations.js';
import {
  base64File,
  base64Length,
  boundedRecord,
  hasControlChars,
  plainText,
  searchText,
  sizeBounded,
} from './primitives.js';
import { lawSearchInput } from './laws.js';
import { enterpriseSearchInput } from './reference.js';
import { caseListInput } from './cases.js';

z.config(z.locales.zhCN());

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
  [k: string]: unknown;
}
type Node = z.ZodType & { _zod: { def: Def } };

function unbounded(schema: Node, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (sizeBounded.has(schema)) return [];
  const d = schema._zod.def as unknown as Def;
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  const limited = checks.some((c) => c.check === 'max_length' || c.check === 'length_equals');
  const walk = (s: unknown, p: string): string[] => unbounded(s as Node, p, seen);
  switch (d.type) {
    case 'string':
      return limited || checks.some((c) => c.check === 'string_format' && c.format === 'regex')
        ? []
        : [`${path}: 字符串无长度上限`];
    case 'array':
      return [...(limited ? [] : [`${path}: 列表无项数上限`]), ...walk(d.element, `${path}[]`)];
    case 'object':
      return Object.entries(d.shape as Record<string, unknown>).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(d.innerType, path);
    case 'union':
      return (d.options as unknown[]).flatMap((o, i) => walk(o, `${path}|${i}`));
    case 'intersection':
      return [...walk(d.left, path), ...walk(d.right, path)];
    case 'pipe':
      return walk(d.in, path);
    case 'lazy':
      return walk((d.getter as () => unknown)(), path);
    case 'tuple':
      return (d.items as unknown[]).flatMap((o, i) => walk(o, `${path}[${i}]`));
    case 'record':
      return [`${path}: 映射无项数上限`];
    case 'unknown':
    case 'any':
      return [`${path}: 任意内容无大小上限`];
    default:
      return [];
  }
}

describe('operation inputs are bounded', () => {
  it('no operation accepts a string, list, map or document without a limit', () => {
    const found = (Object.keys(operations) as OpName[]).flatMap((name) =>
      unbounded(operations[name].input as unknown as Node, name),
    );
    expect(found).toEqual([]);
  });

  it('states the limit in Chinese when it is passed', () => {
    const long = plainText(10, '摘要').safeParse('字'.repeat(11));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe('摘要过长（不超过10字）');
    const upload = base64File(3 * 1024 * 1024, '照片').safeParse('A'.repeat(base64Length(3 * 1024 * 1024) + 4));
    expect(upload.error?.issues[0]?.message).toBe('照片过大（不超过3MB）');
    const map = boundedRecord(z.string().max(10), z.string().max(10), 2, 1000, '表单').safeParse({
      a: '',
      b: '',
      c: '',
    });
    expect(map.error?.issues[0]?.message).toBe('表单项目过多（不超过2项）');
  });

  it('a 10 MB string is refused by every operation that takes text, with a short Chinese message', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const cases: Array<[OpName, unknown]> = [
      ['cases.get', { caseId: big }],
      ['cases.act', { caseId: 'c', action: big }],
      ['cases.act', { caseId: 'c', action: 'submit', data: { text: big } }],
      ['documents.generate', { caseId: 'c', type: 'x', fields: { a: big } }],
      ['templates.versions', { type: big }],
      ['templates.import', { type: 'x', fileName: 'a.docx', contentBase64: big + big }],
      ['procedures.import', { definition: { nodes: [big] } }],
      [
        'evidence.add',
        { caseId: 'c', fileName: 'a.jpg', contentBase64: big.repeat(5), description: 'd', takenOn: '2026-03-02' },
      ],
      ['laws.search', { query: big }],
    ];
    for (const [op, input] of cases) {
      const r = operations[op].input.safeParse(input);
      expect(r.success, op).toBe(false);
      const message = r.error!.issues[0]!.message;
      expect(message, op).toMatch(/不超过/);
      expect(message.length, op).toBeLessThan(100);
    }
  });
});

describe('search and typed text reject control characters', () => {
  it('knows what a control character is', () => {
    for (const bad of ['\u0000', 'a\u0001b', '\u007f', '\u0085', '\uD800', 'x\uDC00'])
      expect(hasControlChars(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['污染防治', 'a\tb', '第一行\n第二行\r\n', '😀', ''])
      expect(hasControlChars(good), JSON.stringify(good)).toBe(false);
  });
  it('laws.search, enterprises.search and cases.list refuse a NUL byte', () => {
    for (const [schema, input] of [
      [lawSearchInput, { query: '污染\u0000防治' }],
      [enterpriseSearchInput, { query: '\u0000' }],
      [caseListInput, { query: 'a\u0000' }],
    ] as const) {
      const r = (schema as z.ZodType).safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('检索词含有不允许的控制字符');
    }
    expect(searchText().safeParse('  大气污染  ').data).toBe('大气污染');
  });
});
