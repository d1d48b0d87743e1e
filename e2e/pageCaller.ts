/** The operations through the web host's /api, from the page (same origin), as the renderer calls them. */
import type { Page } from '@playwright/test';
import type { Caller } from '#core/testing/caseRunner.js';

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export function pageCaller(page: Page): Caller {
  return {
    call: (async (token: string | null, op: string, input: unknown) => {
      const r = await page.evaluate(
        async ([o, i, t]): Promise<Reply> => {
          const res = await fetch('/api', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ op: o, input: i, token: t }),
          });
          return (await res.json()) as Reply;
        },
        [op, input, token] as const,
      );
      if (!r.ok) throw new Error(`${op}: ${r.error?.message ?? '失败'}`);
      return r.value;
    }) as Caller['call'],
  };
}
