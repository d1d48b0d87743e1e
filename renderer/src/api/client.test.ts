import { describe, expect, it } from 'vitest';
import type { Envelope, Reply } from '#common/client';
import type { FileRequest } from '#common/files';
import { createClient } from './client';
import { ApiError } from './errors';
import { createTokenStore } from './tokenStore';
import type { Transport } from './transport';

const user = { id: 'u', username: 'officer', name: '张伟', roles: ['officer' as const], officerId: 'off-01' };

function fakeTransport(
  answer: (e: Envelope) => Reply<unknown> | Promise<Reply<unknown>>,
  file: Reply<Blob> = { ok: true, value: new Blob(['x']) },
): Transport & { sent: Envelope[]; files: Array<{ request: FileRequest; token: string | null }> } {
  const sent: Envelope[] = [];
  const files: Array<{ request: FileRequest; token: string | null }> = [];
  return {
    kind: 'web',
    sent,
    files,
    send: async (e) => {
      sent.push(e);
      return answer(e);
    },
    readFile: async (request, token) => {
      files.push({ request, token });
      return file;
    },
  };
}

describe('createClient', () => {
  it('keeps the token from session.login and sends it with later calls', async () => {
    const t = fakeTransport((e) =>
      e.op === 'session.login' ? { ok: true, value: { token: 'tok-1', user } } : { ok: true, value: user },
    );
    const c = createClient(t, createTokenStore(null));
    await c.send('session.login', { username: 'officer', password: 'officer123' });
    await c.send('session.me', {});
    expect(t.sent[1]?.token).toBe('tok-1');
    expect(c.token()).toBe('tok-1');
  });

  it('throws a typed ApiError with the core’s code and Chinese message', async () => {
    const t = fakeTransport(() => ({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } }));
    const c = createClient(t, createTokenStore(null));
    const err = await c.send('session.login', { username: 'x', password: 'y' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('forgets the token and tells the app when the core no longer knows the session', async () => {
    const store = createTokenStore(null);
    store.set('old');
    const c = createClient(
      fakeTransport(() => ({ ok: false, error: { code: 'NOT_AUTHENTICATED', message: '请先登录' } })),
      store,
    );
    let lost = 0;
    c.onSessionLost(() => {
      lost += 1;
    });
    await expect(c.send('cases.get', { caseId: 'x' })).rejects.toThrow('请先登录');
    expect(c.token()).toBeNull();
    expect(lost).toBe(1);
  });

  it('counts long operations while they run, also when they fail', async () => {
    let release: (r: Reply<unknown>) => void = () => {};
    const c = createClient(
      fakeTransport(
        () =>
          new Promise((r) => {
            release = r;
          }),
      ),
      createTokenStore(null),
    );
    const seen: number[] = [];
    c.onPendingChange(() => seen.push(c.pendingLong()));
    const p = c.send('dossier.build', { caseId: 'c' });
    expect(c.pendingLong()).toBe(1);
    release({ ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } });
    await expect(p).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual([1, 0]);
  });

  it('does not count short operations', async () => {
    const c = createClient(
      fakeTransport(() => ({ ok: true, value: [] })),
      createTokenStore(null),
    );
    const seen: number[] = [];
    c.onPendingChange(() => seen.push(c.pendingLong()));
    await c.send('officers.list', {});
    expect(seen).toEqual([]);
  });

  it('reads a file with the session token and hands back the Blob', async () => {
    const t = fakeTransport((e) => ({ ok: true, value: { token: 'tok-9', user, e } }));
    const c = createClient(t, createTokenStore(null));
    await c.send('session.login', { username: 'officer', password: 'officer123' });
    const hash = 'a'.repeat(64);
    expect(await (await c.file({ hash, caseId: 'c1', variant: 'thumb' })).text()).toBe('x');
    expect(t.files).toEqual([{ request: { hash, caseId: 'c1', variant: 'thumb' }, token: 'tok-9' }]);
  });

  it('throws the core’s refusal of a file as ApiError, and forgets a session that ended', async () => {
    const store = createTokenStore(null);
    store.set('old');
    const refused = createClient(
      fakeTransport(() => ({ ok: true, value: 1 }), {
        ok: false,
        error: { code: 'FORBIDDEN_CASE', message: '此文件不属于案件' },
      }),
      store,
    );
    await expect(refused.file({ hash: 'b'.repeat(64) })).rejects.toMatchObject({
      code: 'FORBIDDEN_CASE',
      message: '此文件不属于案件',
    });
    expect(refused.token()).toBe('old');
    const ended = createClient(
      fakeTransport(() => ({ ok: true, value: 1 }), {
        ok: false,
        error: { code: 'NOT_AUTHENTICATED', message: '请先登录' },
      }),
      store,
    );
    let lost = 0;
    ended.onSessionLost(() => {
      lost += 1;
    });
    await expect(ended.file({ hash: 'b'.repeat(64) })).rejects.toBeInstanceOf(ApiError);
    expect(ended.token()).toBeNull();
    expect(lost).toBe(1);
  });
});
