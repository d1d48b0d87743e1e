// @vitest-environment jsdom
/**
 * 检索: hits with their case, source and marked words; the arrow keys and Enter open the selected
 * hit at its document; filters reach the core; empty, no-hit and error states in Chinese.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchQueryOutput } from '#common/schemas/search';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';

const calls: Array<{ op: string; input: Record<string, unknown> }> = [];
let answer: (input: Record<string, unknown>) => unknown = () => ({
  total: 0,
  capped: false,
  order: 'relevance',
  rows: [],
});
vi.mock('../../api/send', () => ({
  send: vi.fn(async (op: string, input: Record<string, unknown>) => {
    calls.push({ op, input });
    if (op === 'officers.list')
      return [{ id: 'off-02', name: '李娜', certificateNo: 'x', certificateValidUntil: '2029-12-31' }];
    if (op === 'violations.list') return [];
    return answer(input);
  }),
}));
const { SearchScreen } = await import('./SearchScreen');
const { ApiError } = await import('../../api/errors');

afterEach(() => {
  cleanup();
  calls.length = 0;
  window.location.hash = '';
});

const found: SearchQueryOutput = {
  total: 2,
  capped: false,
  order: 'relevance',
  rows: [
    {
      caseId: 'c1',
      caseNumber: '天环罚〔2026〕1号',
      partyName: '天柱化工有限公司',
      violationName: '超标排放',
      filedOn: '2026-03-02',
      closed: false,
      kind: 'case',
      source: '案件',
      snippet: [
        { text: '天柱', hit: false },
        { text: '化工', hit: true },
      ],
      open: { caseId: 'c1', tab: 'documents' },
    },
    {
      caseId: 'c2',
      caseNumber: '天环罚〔2026〕2号',
      partyName: '凯里建材厂',
      violationName: '未批先建',
      filedOn: '2026-03-03',
      closed: true,
      kind: 'document',
      source: '文书《立案审批表》',
      snippet: [{ text: '<b>化工</b>', hit: true }],
      open: { caseId: 'c2', tab: 'documents', documentId: 'd9' },
    },
  ],
};

/** Lets the debounce and the answer through. */
async function settle(ms = 300): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

function type(el: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const press = (el: HTMLElement, key: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

describe('检索', () => {
  it('asks nothing until words are typed, and says what can be found', async () => {
    const host = renderWithSession(<SearchScreen q="" />);
    await settle();
    expect(calls.some((c) => c.op === 'search.query')).toBe(false);
    expect(byTestId(host, 'search-empty')?.textContent).toMatch(/只检索您有权查看的案件/);
  });

  it('shows each hit with its case, source and the words marked as text, never as HTML', async () => {
    answer = () => found;
    const host = renderWithSession(<SearchScreen q="化工" />);
    await settle();
    expect(calls.find((c) => c.op === 'search.query')?.input).toMatchObject({ text: '化工', offset: 0 });
    const hits = host.querySelectorAll('[data-testid="search-hit"]');
    expect(hits).toHaveLength(2);
    expect(hits[1]!.textContent).toContain('文书《立案审批表》');
    expect(hits[1]!.querySelector('mark')?.textContent).toBe('<b>化工</b>');
    expect(hits[1]!.querySelector('b')).toBeNull();
    expect(hits[1]!.getAttribute('href')).toBe('#/cases/c2/documents/d9');
    expect(byTestId(host, 'search-total')?.textContent).toMatch(/找到2条，按相关程度排列/);
  });

  it('↓ selects the next hit and Enter opens it at its document', async () => {
    answer = () => found;
    const host = renderWithSession(<SearchScreen q="化工" />);
    await settle();
    const input = byTestId<HTMLInputElement>(host, 'search-input')!;
    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    expect(host.querySelectorAll('[data-testid="search-hit"]')[1]!.getAttribute('aria-selected')).toBe('true');
    press(input, 'Enter');
    expect(window.location.hash).toBe('#/cases/c2/documents/d9');
  });

  it('a filter is sent with the words', async () => {
    answer = () => found;
    const host = renderWithSession(<SearchScreen q="化工" />);
    await settle();
    type(byTestId<HTMLInputElement>(host, 'search-filter-party')!, '天柱');
    await settle();
    expect(calls.filter((c) => c.op === 'search.query').at(-1)?.input).toMatchObject({ text: '化工', party: '天柱' });
  });

  it('no hit, and the core’s refusal, in Chinese', async () => {
    answer = () => ({ total: 0, capped: false, order: 'relevance', rows: [] });
    const host = renderWithSession(<SearchScreen q="无此词" />);
    await settle();
    expect(byTestId(host, 'search-none')?.textContent).toMatch(/没有找到含“无此词”/);
    answer = () => {
      throw new ApiError('VALIDATION', '检索词过长（不超过100字）');
    };
    type(byTestId<HTMLInputElement>(host, 'search-input')!, '长'.repeat(100));
    await settle();
    expect(byTestId(host, 'search-error')?.textContent).toBe('检索词过长（不超过100字）');
  });
});
