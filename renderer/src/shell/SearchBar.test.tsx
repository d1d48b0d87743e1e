// @vitest-environment jsdom
/**
 * The app bar's search box: Enter opens 检索 with the words and empties the box, so it never shows
 * words that 检索's own box has since replaced.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { SearchBar } from './SearchBar';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** Types into a React-controlled input as a user would (the value setter React listens to). */
function type(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('SearchBar', () => {
  it('Enter opens 检索 with the trimmed words and leaves the box empty', () => {
    const el = renderWithSession(<SearchBar />);
    const input = byTestId<HTMLInputElement>(el, 'app-search')!;
    type(input, ' 金泰 ');
    expect(input.value).toBe(' 金泰 ');
    act(() => input.form!.requestSubmit());
    expect(decodeURIComponent(window.location.hash)).toBe('#/search/金泰');
    expect(input.value).toBe('');
  });
});
