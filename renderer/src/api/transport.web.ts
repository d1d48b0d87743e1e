import type { Reply } from '../../../common/client';
import { webApiPath } from '../../../common/bridge';
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
        return { ok: false, error: { code: 'INTERNAL', message: `工作站服务返回了无法识别的答复（HTTP ${res.status}）` } };
      }
    },
  };
}
