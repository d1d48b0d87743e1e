/**
 * The web host on a free port over a test core, serving a one-line index.html, for tests that go
 * through HTTP as the browser does. `files`: also serve GET /files/… (the core decides who may read); `uploads`: PUT /files/upload
 * (`uploadLimit` lowers the size limit for tests).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCore } from '#core/testing/testCore.js';
import { startWebHost } from './webHost.js';

export function startTestWebHost(
  t: TestCore,
  opts: { files?: boolean; uploads?: boolean; uploadLimit?: number } = {},
): Promise<{ server: Server; url: string }> {
  const staticDir = mkdtempSync(join(tmpdir(), 'anjuan-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>案卷</title>');
  return startWebHost({
    port: 0,
    staticDir,
    dispatch: (e) => t.core.dispatch(e),
    ...(opts.files ? { openFile: (r, token) => t.core.file(r, token) } : {}),
    ...(opts.uploads
      ? {
          receiveUpload: (meta, source, token, o) =>
            t.core.upload(meta, source, token, { ...o, ...(opts.uploadLimit ? { limit: opts.uploadLimit } : {}) }),
        }
      : {}),
  });
}
