import { describe, expect, it } from 'vitest';
import { isSearchShortcut, moveSelection } from './searchKeys';

const key = (k: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: unknown }> = {}) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: null,
    ...more,
  }) as Parameters<typeof isSearchShortcut>[0];

describe('the search shortcut', () => {
  it('Ctrl+K and ⌘K anywhere; “/” only when not typing', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('/', { target: { tagName: 'DIV', isContentEditable: false } }))).toBe(true);
    expect(isSearchShortcut(key('/', { target: { tagName: 'INPUT', isContentEditable: false } }))).toBe(false);
    expect(isSearchShortcut(key('/', { target: { tagName: 'DIV', isContentEditable: true } }))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
  });
});

describe('moving through the hits', () => {
  it('down and up wrap around; home and end; other keys do not move', () => {
    expect(moveSelection('ArrowDown', -1, 3)).toBe(0);
    expect(moveSelection('ArrowDown', 2, 3)).toBe(0);
    expect(moveSelection('ArrowUp', 0, 3)).toBe(2);
    expect(moveSelection('ArrowUp', -1, 3)).toBe(2);
    expect(moveSelection('End', 0, 3)).toBe(2);
    expect(moveSelection('Home', 2, 3)).toBe(0);
    expect(moveSelection('Enter', 1, 3)).toBeNull();
    expect(moveSelection('ArrowDown', -1, 0)).toBeNull();
  });
});
