/**
 * Tests only: real Chromium (playwright-core, Debian's /usr/bin/chromium) cannot load app:// pages,
 * so http://<host>.test/… is answered by the very handler behind app://<host>/ — same bytes, same
 * headers (CSP included) as Electron would get from protocol.handle. Hosts: anjuan, print, pdf.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { handleAppRequest, type AppProtocolDeps } from '../protocol.js';
import { PrintJobs } from '../printPage.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** `app://pdf/…` → `http://pdf.test/…` and so on: where a page Electron loads from app: is loaded in these tests. */
export const testUrl = (appUrl: string): string => appUrl.replace(/^app:\/\/(anjuan|print|pdf)\//, 'http://$1.test/');

export async function routeAppScheme(
  context: BrowserContext,
  jobs = new PrintJobs(),
  pdfHarness?: AppProtocolDeps['pdfHarness'],
): Promise<void> {
  const deps: AppProtocolDeps = {
    rendererDir: resolve('dist/renderer'),
    pdfjsDir: resolve('node_modules/pdfjs-dist'),
    jobs,
    readFile: (p: string) => readFile(p),
    pdfHarness,
  };
  await context.route(/^http:\/\/(anjuan|print|pdf)\.test\//, async (route) => {
    const u = new URL(route.request().url());
    const res = await handleAppRequest(
      { url: `app://${u.hostname.replace(/\.test$/, '')}${u.pathname}${u.search}`, method: route.request().method() },
      deps,
    );
    await route.fulfill({
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(await res.arrayBuffer()),
    });
  });
}
