// @vitest-environment jsdom
/**
 * 承办人: a name typed to filter the list stays while the form around it re-renders (the 立案 form
 * re-renders at every draft save), and the filtered officer is chosen with ↓ and Enter.
 */
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Officer } from '#common/schemas/reference';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { OfficerSelect } from './OfficerSelect';

afterEach(cleanup);

const officers: Officer[] = [
  { id: 'off-01', name: '张伟', certificateNo: '贵环执字522627001', certificateValidUntil: '2099-12-31' },
  { id: 'off-02', name: '李娜', certificateNo: '贵环执字522627002', certificateValidUntil: '2099-12-31' },
] as Officer[];

let rerender: () => void = () => {};
let chosen: string[] = [];

function Form() {
  const [value, setValue] = useState<string[]>(['off-01']);
  const [, setTick] = useState(0);
  rerender = () => setTick((t) => t + 1); // as a draft save does: the form renders again, nothing changed
  chosen = value;
  return <OfficerSelect officers={officers} value={value} onChange={setValue} />;
}

function type(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    input.focus();
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const key = (input: HTMLInputElement, k: string) =>
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });

describe('OfficerSelect', () => {
  it('keeps a half-typed name through a re-render, and ↓ Enter adds the officer it filters to', () => {
    const host = renderWithSession(<Form />);
    const input = byTestId<HTMLInputElement>(host, 'officers-input')!;
    type(input, '李');
    act(() => rerender());
    expect(input.value).toBe('李');
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(chosen).toEqual(['off-01', 'off-02']);
  });
});
