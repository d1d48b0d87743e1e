/**
 * The desk at 1366×768 (e2e/desk1366.spec.ts): a dialog's title and buttons on screen without scrolling,
 * no text under 13 px, a snackbar clear of what it must not hide.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The smallest font a clerk is asked to read (a county PC's 1366×768 screen, often at arm's length). */
export const minFontPx = 13;

type Box = { x: number; y: number; width: number; height: number };

/** What the checks read in the page (this project compiles without the DOM library). */
type Style = { visibility: string; display: string; opacity: string; fontSize: string; pointerEvents: string };
type Probe = { getComputedStyle(e: unknown): Style; document: { elementFromPoint(x: number, y: number): unknown } };

/**
 * Visible text in `root` set below {@link minFontPx}: "font-size · text" for each element that
 * draws text of its own (or is a field), for a message that names what to fix.
 */
export async function smallTexts(root: Locator): Promise<string[]> {
  return root.evaluate((el, min) => {
    const w = globalThis as unknown as Probe;
    const found: string[] = [];
    const shown = (e: typeof el): boolean => {
      const s = w.getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      for (let p: typeof el | null = e; p; p = p.parentElement) if (w.getComputedStyle(p).opacity === '0') return false;
      const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    for (const e of [el, ...el.querySelectorAll('*')]) {
      const field = e.tagName === 'INPUT' || e.tagName === 'TEXTAREA';
      const input = e as unknown as { value: string; placeholder: string; type: string };
      const text = field
        ? (input.value || input.placeholder).trim()
        : [...e.childNodes]
            .filter((n) => n.nodeType === 3) // text
            .map((n) => n.textContent ?? '')
            .join('')
            .trim();
      if (!text || (field && input.type === 'hidden') || !shown(e)) continue;
      const size = Number.parseFloat(w.getComputedStyle(e).fontSize);
      if (size < min) found.push(`${size}px · ${text.slice(0, 40)}`);
    }
    return found;
  }, minFontPx);
}

/** No visible text on the page (or in `root`) is smaller than 13 px. */
export async function expectNoSmallText(page: Page, root: Locator = page.locator('body')): Promise<void> {
  expect(await smallTexts(root), 'text smaller than 13 px').toEqual([]);
}

const inside = (b: Box, outer: Box): boolean =>
  b.x >= outer.x - 0.5 &&
  b.y >= outer.y - 0.5 &&
  b.x + b.width <= outer.x + outer.width + 0.5 &&
  b.y + b.height <= outer.y + outer.height + 0.5;

export const intersects = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * An open dialog fits the desk: its title and every button outside the scrolling content (the
 * actions, and the title bar's own) lie inside the viewport and inside the dialog's paper, which
 * itself does not scroll (only DialogContent may), nothing else covers them, and no text in it is
 * under 13 px. `dialog` is the dialog's root (its data-testid) or its paper (role=dialog).
 */
export async function expectDialogFits(page: Page, dialog: Locator, name = 'dialog'): Promise<void> {
  const paper = dialog.locator('xpath=ancestor-or-self::*[@role="dialog"] | descendant::*[@role="dialog"]').first();
  await expect(paper, `${name}: shown`).toBeVisible();
  // The opening transition ends before anything is measured.
  await expect
    .poll(() => paper.evaluate((p) => p.getAnimations({ subtree: true }).length), { message: `${name}: settled` })
    .toBe(0);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  const screen: Box = { x: 0, y: 0, width: viewport.width, height: viewport.height };
  const paperBox = await paper.boundingBox();
  if (!paperBox) throw new Error(`${name}: the dialog has no box`);
  expect(inside(paperBox, screen), `${name}: the dialog lies inside 1366×768 (${JSON.stringify(paperBox)})`).toBe(true);
  const overflow = await paper.evaluate((p) => p.scrollHeight - p.clientHeight);
  expect(overflow, `${name}: the dialog itself does not scroll (only its content may)`).toBeLessThanOrEqual(1);

  const title = paper.locator('.MuiDialogTitle-root').first();
  await expect(title, `${name}: has a title`).toBeVisible();
  const titleBox = await title.boundingBox();
  expect(titleBox && inside(titleBox, paperBox), `${name}: the title is in view`).toBe(true);

  // Buttons outside the scrolling content: the actions, and the title bar's own (the PDF preview's).
  // A short form that keeps its buttons in its content (修改密码) has them all in view instead.
  const buttons = await paper.evaluate((p) => {
    const w = globalThis as unknown as Probe;
    const all = [...p.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0);
    const outside = all.filter((b) => !b.closest('.MuiDialogContent-root'));
    return (outside.length > 0 ? outside : all).map((b) => {
      const r = b.getBoundingClientRect();
      // What the clerk would click at its centre is the button itself (not a toast, not another layer).
      const hit = w.document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        label: (b.textContent || b.getAttribute('aria-label') || '').trim(),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        // A disabled button lets clicks through (pointer-events: none): then its own dialog is hit.
        onTop:
          hit !== null &&
          (b === hit ||
            b.contains(hit as typeof b) ||
            (w.getComputedStyle(b).pointerEvents === 'none' && (hit as typeof b).contains(b))),
      };
    });
  });
  expect(buttons.length, `${name}: has buttons`).toBeGreaterThan(0);
  for (const b of buttons) {
    const label = `${name}: button “${b.label}”`;
    expect(inside(b.box, paperBox) && inside(b.box, screen), `${label} lies inside the dialog and the screen`).toBe(
      true,
    );
    expect(b.onTop, `${label} is not covered`).toBe(true);
  }
  expect(await smallTexts(paper), `${name}: text smaller than 13 px`).toEqual([]);
}

/** The snackbar, when shown, does not cover `target` (the reasons an action is blocked). */
export async function expectSnackbarClear(page: Page, target: Locator, name: string): Promise<void> {
  const snack = page.getByTestId('snackbar');
  await expect(snack).toBeVisible();
  await expect.poll(() => snack.evaluate((s) => s.getAnimations({ subtree: true }).length)).toBe(0);
  const a = await snack.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error(`${name}: nothing to compare`);
  expect(intersects(a, b), `the snackbar (${JSON.stringify(a)}) covers ${name} (${JSON.stringify(b)})`).toBe(false);
}

/**
 * The top bar fits one line at this width: its items (direct children of the toolbar) lie inside the
 * screen, overlap none of the others, and none wraps (each is one line high); a count badge overlaps
 * no item but its own.
 */
export async function expectTopBarFits(page: Page): Promise<void> {
  const bar = page.locator('header .MuiToolbar-root').first();
  await expect(bar).toBeVisible();
  const width = page.viewportSize()?.width ?? 0;
  const items = await bar.evaluate((t) =>
    [...t.children]
      .map((c, index) => {
        const r = c.getBoundingClientRect();
        const name = (c.getAttribute('data-testid') ?? c.textContent ?? c.tagName).trim().slice(0, 20);
        return { index, name, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      })
      .filter((i) => i.box.width > 0 && i.box.height > 0),
  );
  // A count badge hangs outside its anchor (absolutely placed): it must stay within its own item, clear of the next.
  const badges = await bar.evaluate((t) =>
    [...t.querySelectorAll('.MuiBadge-badge:not(.MuiBadge-invisible)')]
      .map((b) => {
        const r = b.getBoundingClientRect();
        const owner = [...t.children].findIndex((c) => c.contains(b));
        return { owner, text: (b.textContent ?? '').trim(), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      })
      .filter((b) => b.box.width > 0 && b.box.height > 0),
  );
  const problems: string[] = [];
  for (const [n, a] of items.entries()) {
    if (a.box.x < 0 || a.box.x + a.box.width > width + 0.5) problems.push(`${a.name} 超出屏幕`);
    if (a.box.height > 40) problems.push(`${a.name} 折行（高 ${a.box.height}px）`);
    for (const b of items.slice(n + 1)) if (intersects(a.box, b.box)) problems.push(`${a.name} 与 ${b.name} 重叠`);
  }
  for (const badge of badges)
    for (const item of items)
      if (item.index !== badge.owner && intersects(badge.box, item.box))
        problems.push(`计数 ${badge.text} 与 ${item.name} 重叠`);
  expect(problems, 'the top bar at this width').toEqual([]);
  expect(await smallTexts(bar), 'top bar text smaller than 13 px').toEqual([]);
}
