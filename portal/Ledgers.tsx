/**
 * 台账 in the portal: the case ledger and the inspection ledger of the viewer's bureaus as .xlsx, in the
 * columns of docs/ledgers.md. The file is fetched with the session's token and handed to the browser
 * as a download (a link to the blob), since a plain link cannot carry the token.
 */
import { useState } from 'react';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { ledgerKinds, type LedgerKind } from '#common/sync/ledgers.js';
import { UnusedNumbersView } from './UnusedNumbers.js'; // 未使用的案号、文号 (year end)

async function download(kind: LedgerKind, token: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/supervision/ledgers/${kind}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `服务器返回错误（${res.status}）`);
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : `${ledgerKinds[kind]}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const notes: Record<LedgerKind, string> = {
  cases:
    '序号、办案单位、案号、立案日期、当事人、统一社会信用代码、案由、案件来源、承办人员、办理环节、决定类型、决定日期、罚款金额、已缴金额、未缴金额、结案日期',
  inspections:
    '序号、检查单位、任务名称、下达单位、检查对象、统一社会信用代码、检查人员、检查日期、检查结果、发现的问题、是否立案、案号',
};

export function LedgersView(props: { token: string }) {
  const [busy, setBusy] = useState<LedgerKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (kind: LedgerKind) => {
    setBusy(kind);
    setError(null);
    download(kind, props.token)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(null));
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h5">台账</Typography>
      <Typography variant="body2" color="text.secondary">
        导出本单位及下级单位的台账（Excel）。以 =、+、-、@ 开头的内容前加一个单引号，打开时不会被当作公式执行。
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {(Object.keys(ledgerKinds) as LedgerKind[]).map((kind) => (
        <Card variant="outlined" key={kind}>
          <CardContent>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
                {ledgerKinds[kind]}
              </Typography>
              <Button variant="contained" disabled={busy !== null} onClick={() => run(kind)}>
                {busy === kind ? '正在导出…' : `导出${ledgerKinds[kind]}`}
              </Button>
            </Stack>
            <Typography variant="caption" color="text.secondary">
              列：{notes[kind]}
            </Typography>
          </CardContent>
        </Card>
      ))}
      <UnusedNumbersView token={props.token} />
    </Stack>
  );
}
