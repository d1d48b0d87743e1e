// @vitest-environment jsdom
/** 立案 shows its shortcut in the tooltip, and Alt+N opens it while no dialog is open. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, cleanup, renderWithSession } from '#renderer/testing/renderWithSession';
import { NewCaseButton } from './NewCaseButton';
import { isNewCaseShortcut } from './newCaseKey';

afterEach(cleanup);

const altN = () =>
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', altKey: true }));
  });

describe('NewCaseButton', () => {
  it('names its shortcut in the tooltip, and Alt+N opens 立案', () => {
    let opened = 0;
    const el = renderWithSession(<NewCaseButton onOpen={() => opened++} dialogOpen={false} />);
    const button = byTestId(el, 'open-case')!;
    expect(button.getAttribute('aria-label')).toBe('立案（快捷键 Alt+N）');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+N');
    altN();
    expect(opened).toBe(1);
  });

  it('does nothing while the dialog is open', () => {
    let opened = 0;
    renderWithSession(<NewCaseButton onOpen={() => opened++} dialogOpen />);
    altN();
    expect(opened).toBe(0);
  });

  it('only Alt+N, not Ctrl+Alt+N or a plain n', () => {
    const key = { key: 'n', code: 'KeyN', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(isNewCaseShortcut(key)).toBe(true);
    expect(isNewCaseShortcut({ ...key, key: 'ñ' })).toBe(true);
    expect(isNewCaseShortcut({ ...key, ctrlKey: true })).toBe(false);
    expect(isNewCaseShortcut({ ...key, altKey: false })).toBe(false);
  });
});
