import { describe, expect, it } from 'vitest';
import { webTransport } from './transport.web';

const hash = 'c'.repeat(64);

function recordingFetch(answer: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer();
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('webTransport.readFile', () => {
  it('GETs /files/<hash> with the case and variant in the query and the token in a header, and gives the bytes as a Blob', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const f = recordingFetch(() => new Response(bytes, { status: 200, headers: { 'Content-Type': 'image/jpeg' } }));
    const r = await webTransport(f.fetchFn).readFile({ hash, caseId: 'C1', variant: 'thumb' }, 'tok');
    expect(f.calls[0]!.url).toBe(`/files/${hash}?caseId=C1&variant=thumb`);
    expect(f.calls[0]!.init?.method ?? 'GET').toBe('GET');
    expect(f.calls[0]!.init?.headers).toEqual({ Authorization: 'Bearer tok' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.type).toBe('image/jpeg');
    expect(new Uint8Array(await r.value.arrayBuffer())).toEqual(bytes);
  });

  it('passes on the core’s error value, and says so in Chinese when the host is gone or answers oddly', async () => {
    const refused = recordingFetch(() =>
      Response.json({ ok: false, error: { code: 'FORBIDDEN_CASE', message: '您无权读取此文件' } }, { status: 403 }),
    );
    expect(await webTransport(refused.fetchFn).readFile({ hash }, null)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_CASE', message: '您无权读取此文件' },
    });
    expect(refused.calls[0]!.init?.headers).toEqual({});
    const gone = recordingFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await webTransport(gone.fetchFn).readFile({ hash }, 't')).toMatchObject({
      ok: false,
      error: { code: 'NETWORK', message: expect.stringMatching(/无法连接/) },
    });
    const odd = recordingFetch(() => new Response('<html>', { status: 502 }));
    expect(await webTransport(odd.fetchFn).readFile({ hash }, 't')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/HTTP 502/) },
    });
  });
});
