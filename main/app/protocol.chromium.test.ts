/**
 * The built renderer (dist/renderer, Vite) at app://anjuan under our CSP, in real Chromium: the
 * app's scripts run and nothing is refused by the policy. Catches a build setting or a library that
 * needs inline scripts, eval or a remote origin before it ships. Skipped, with the reason, when
 * Chromium or the build is absent (run `npm run build` first).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, routeAppScheme } from './testing/appScheme.js';

const built = existsSync(resolve('dist/renderer/index.html'));
const skip = !hasChromium ? `未找到 Chromium（${chromiumPath}）` : !built ? '未构建界面（先运行 npm run build）' : null;
if (skip) console.warn(`跳过界面 CSP 测试：${skip}`);

describe.skipIf(skip !== null)('renderer under the CSP', () => {
  it('loads at app://anjuan with no policy violation', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath });
    try {
      const context = await browser.newContext();
      await routeAppScheme(context);
      // What the preload provides in Electron: the page must not need anything else.
      await context.addInitScript(`window.anjuan = Object.freeze({ platform: 'electron',
        send: async () => ({ ok: false, error: { code: 'NOT_AUTHENTICATED', message: '请先登录' } }),
        printPdf: async () => ({ ok: false, message: 'test' }) });`);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto('http://anjuan.test/index.html');
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.evaluate('document.body.innerText.trim().length')).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
