// @vitest-environment jsdom
/**
 * A PC set to show no animations gets a theme without motion: no ripple on a button, and dialogs,
 * menus and toasts that open and close at once. The usual theme keeps both, so the test can tell.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import Button from '@mui/material/Button';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { afterEach, describe, expect, it } from 'vitest';
import { reducedMotionTheme, theme } from './theme';

let root: Root | null = null;
let host: HTMLElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function renderButton(t: Theme): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <ThemeProvider theme={t}>
        <Button>保存</Button>
      </ThemeProvider>,
    ),
  );
  // MUI mounts the ripple on the first press.
  const button = host.querySelector('button')!;
  act(() => {
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    button.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  return host;
}

describe('the reduced-motion theme', () => {
  it('draws no ripple on a pressed button; the usual theme does', () => {
    expect(renderButton(reducedMotionTheme).querySelector('.MuiTouchRipple-root')).toBeNull();
    act(() => root?.unmount());
    expect(renderButton(theme).querySelector('.MuiTouchRipple-root')).not.toBeNull();
  });

  it('gives every transition no duration and no CSS transition', () => {
    expect(Object.values(reducedMotionTheme.transitions.duration).every((d) => d === 0)).toBe(true);
    expect(reducedMotionTheme.transitions.create(['opacity'])).toBe('none');
    expect(theme.transitions.duration.enteringScreen).toBeGreaterThan(0);
    expect(theme.transitions.create(['opacity'])).not.toBe('none');
  });

  it('keeps everything else of the look: colours, font and the 13 px floor', () => {
    expect(reducedMotionTheme.palette.primary.main).toBe(theme.palette.primary.main);
    expect(reducedMotionTheme.typography.fontFamily).toBe(theme.typography.fontFamily);
    expect(reducedMotionTheme.typography.caption.fontSize).toBe(theme.typography.caption.fontSize);
  });
});
