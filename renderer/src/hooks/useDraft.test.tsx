// @vitest-environment jsdom
/**
 * useDraft: the saved draft is restored into an untouched form; a lookup that answers after the clerk
 * has typed never overwrites what is on the screen (the newer typing replaces the draft instead).
 */
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, renderWithSession } from '../testing/renderWithSession';

const calls: Array<{ op: string; input: unknown; resolve(v: unknown): void }> = [];
vi.mock('../api/send', () => ({
  send: vi.fn(
    (op: string, input: unknown) =>
      new Promise((resolve) => {
        calls.push({ op, input, resolve });
      }),
  ),
}));

const { useDraft } = await import('./useDraft');
const { invalidate } = await import('../api/opCache');

let type: (v: string) => void = () => {};
function Form() {
  const [value, setValue] = useState('');
  type = setValue;
  const draft = useDraft('test-form', null, { value }, (saved) => setValue(saved.value));
  return (
    <div>
      <span data-testid="value">{value}</span>
      <span data-testid="restored">{draft.restoredAt ?? ''}</span>
    </div>
  );
}

const text = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent;
const answerLookup = async (draft: unknown) => {
  const lookup = calls.find((c) => c.op === 'drafts.get');
  expect(lookup).toBeDefined();
  await act(async () => {
    lookup!.resolve(draft);
    await Promise.resolve();
  });
};

beforeEach(() => {
  calls.length = 0;
  invalidate('all');
});
afterEach(cleanup);

describe('useDraft', () => {
  it('restores the saved draft into a form nobody has typed in', async () => {
    const el = renderWithSession(<Form />);
    await answerLookup({ values: { value: '草稿内容' }, savedAt: '2026-12-07T06:00:00.000Z' });
    expect(text(el, 'value')).toBe('草稿内容');
    expect(text(el, 'restored')).toBe('2026-12-07T06:00:00.000Z');
  });

  it('keeps what was typed before a slow lookup answered', async () => {
    const el = renderWithSession(<Form />);
    act(() => type('刚输入的'));
    await answerLookup({ values: { value: '旧草稿' }, savedAt: '2026-12-07T06:00:00.000Z' });
    expect(text(el, 'value')).toBe('刚输入的');
    expect(text(el, 'restored')).toBe('');
  });
});
