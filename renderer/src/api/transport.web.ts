import type { Reply } from '#common/client';
import { webApiPath } from '#common/bridge';
import { fileUrlPath } from '#common/files';
import type { Transport } from './transport';

const unreachable: Reply<never> = {
  ok: false,
  // The code is not one of the core's: the core never answered.
  error: { code: 'NETWORK' as never, message: '无法连接工作站服务，请确认案卷已启动后重试' },
};

export function webTransport(fetchFn: typeof fetch): Transport {
  return {
    kind: 'web',
    async send(envelope) {
      let res: Response;
      try {
        res = await fetchFn(webApiPath, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(envelope),
        });
      } catch {
        return unreachable;
      }
      try {
        return (await res.json()) as Reply<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `工作站服务返回了无法识别的答复（HTTP ${res.status}）` },
        };
      }
    },
    // Files come as bytes from GET /files/…, the session in a header (never in the address, never Base64).
    async readFile(request, token) {
      let res: Response;
      try {
        res = await fetchFn(fileUrlPath(request), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      } catch {
        return unreachable;
      }
      try {
        if (res.ok) return { ok: true, value: await res.blob() };
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '文件传输中断，请重试；如一再出现，文件可能已损坏' } };
      }
      try {
        return (await res.json()) as Reply<never>;
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `工作站服务返回了无法识别的答复（HTTP ${res.status}）` },
        };
      }
    },
  };
}
