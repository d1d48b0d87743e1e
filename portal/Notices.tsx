/**
 * 通知公告 in the portal: the province or a prefecture publishes a notice with its files to bureaus of its
 * own subtree (a bureau reaches every one below it); the list shows how many counties received and read
 * each; a notice opens to every county it reaches — when a desk received it, who read it when.
 */
import { useCallback, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Breadcrumbs,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { BureauView } from '#common/sync/enrolment.js';
import type { NoticeDetail, NoticeSummary, PublishNoticeInput } from '#common/sync/notices.js';
import { maxNoticeFileBytes } from '#common/sync/notices.js';
import { api } from './api.js';
import { useLoad } from './useLoad.js';
import { type Column, ListPage } from './ListPage.js';
import { WithdrawNotice, WithdrawnNote } from './NoticeWithdraw.js';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(new Error(`读取附件“${file.name}”失败`));
    r.readAsDataURL(file);
  });
}

const noticeColumns = (open: (id: string) => void): Column<NoticeSummary>[] => [
  {
    head: '标题',
    cell: (n) => (
      <>
        <Link component="button" onClick={() => open(n.id)}>
          {n.title}
        </Link>
        {n.attachments.length > 0 && ` （附件${n.attachments.length}个）`}
        {n.withdrawn && ' （已撤回）'}
      </>
    ),
  },
  { head: '发布单位', cell: (n) => n.publisher.name },
  { head: '发布时间', cell: (n) => when(n.publishedAt) },
  { head: '发送范围', cell: (n) => n.audience.map((a) => a.name).join('、') },
  {
    head: '已送达 / 已阅读 / 县（市、区）',
    align: 'right',
    cell: (n) => `${n.delivered} / ${n.read} / ${n.counties}`,
  },
];

export function NoticeListView(props: { token: string; openNotice: (id: string) => void }) {
  const { token } = props;
  const load = useCallback(
    () => api<{ notices: NoticeSummary[] }>('/api/notices', token).then((d) => d.notices),
    [token],
  );
  return (
    <ListPage
      title="通知公告"
      createLabel="发布通知"
      load={load}
      open={props.openNotice}
      form={(f) => <NoticeForm token={token} onCancel={f.onCancel} onPublished={(n) => f.onCreated(n.id)} />}
      empty="本单位及下级单位尚未发布通知公告"
      tableLabel="通知列表"
      columns={noticeColumns(props.openNotice)}
    />
  );
}

function NoticeForm(props: { token: string; onCancel: () => void; onPublished: (n: NoticeDetail) => void }) {
  const { token } = props;
  const loadBureaus = useCallback(() => api<{ bureaus: BureauView[] }>('/api/notices/audience', token), [token]);
  const bureaus = useLoad(loadBureaus).data?.bureaus ?? [];
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<BureauView[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const big = files.find((f) => f.size > maxNoticeFileBytes);
      if (big) throw new Error(`附件“${big.name}”过大（不超过${maxNoticeFileBytes / 1024 / 1024}MB）`);
      const input: PublishNoticeInput = {
        title: title.trim(),
        body,
        audience: audience.map((b) => b.id),
        attachments: await Promise.all(
          files.map(async (f) => ({
            name: f.name,
            type: f.type || 'application/octet-stream',
            contentBase64: await toBase64(f),
          })),
        ),
      };
      props.onPublished(await api<NoticeDetail>('/api/notices', token, input));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">发布通知公告</Typography>
          <TextField label="标题" value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField label="正文" multiline minRows={6} value={body} onChange={(e) => setBody(e.target.value)} />
          <Autocomplete
            multiple
            options={bureaus}
            value={audience}
            onChange={(_e, v) => setAudience(v)}
            getOptionLabel={(b) => b.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderInput={(p) => <TextField {...p} label="发送单位（选择某单位即发送到其下所有县级分局）" />}
          />
          <Box>
            <Button component="label" variant="outlined" size="small">
              添加附件
              <input
                hidden
                type="file"
                multiple
                aria-label="附件"
                onChange={(e) => setFiles([...files, ...Array.from(e.target.files ?? [])])}
              />
            </Button>
            {files.map((f, i) => (
              <Typography key={`${f.name}-${i}`} variant="body2" sx={{ mt: 0.5 }}>
                {f.name}（{Math.max(1, Math.round(f.size / 1024))}KB）
                <Link component="button" sx={{ ml: 1 }} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                  移除
                </Link>
              </Typography>
            ))}
          </Box>
          {error && <Alert severity="error">{error}</Alert>}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={busy} onClick={() => void submit()}>
              发布
            </Button>
            <Button onClick={props.onCancel}>取消</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** `bureauId`: the viewer's bureau; only the publishing bureau is offered 撤回 (portal users are heads or admins). */
export function NoticeView(props: { token: string; id: string; bureauId: string; back: () => void }) {
  const { token, id } = props;
  const load = useCallback(() => api<NoticeDetail>(`/api/notices/${encodeURIComponent(id)}`, token), [token, id]);
  const loaded = useLoad(load);
  // After 撤回 the server's answer replaces what was loaded.
  const [updated, setUpdated] = useState<NoticeDetail | null>(null);
  const data = updated?.id === id ? updated : loaded.data;
  const { error } = loaded;
  return (
    <Stack spacing={2}>
      <Breadcrumbs>
        <Link component="button" onClick={props.back}>
          通知公告
        </Link>
        <Typography>{data?.title ?? '通知'}</Typography>
      </Breadcrumbs>
      {error && <Alert severity="error">{error}</Alert>}
      {!data && !error && <CircularProgress aria-label="正在加载" />}
      {data && (
        <>
          <Card variant="outlined">
            <CardContent>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="h6">{data.title}</Typography>
                {!data.withdrawn && data.publisher.id === props.bureauId && (
                  <WithdrawNotice token={token} notice={data} onWithdrawn={setUpdated} />
                )}
              </Stack>
              {data.withdrawn && <WithdrawnNote withdrawn={data.withdrawn} />}
              <Typography variant="body2" color="text.secondary">
                {data.publisher.name} {data.publishedBy} 发布于 {when(data.publishedAt)} · 发送：
                {data.audience.map((a) => a.name).join('、')}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', mt: 2 }}>{data.body}</Typography>
              {data.attachments.length > 0 && (
                <Typography variant="body2" sx={{ mt: 2 }}>
                  附件：{data.attachments.map((a) => a.name).join('、')}
                </Typography>
              )}
            </CardContent>
          </Card>
          <Typography variant="subtitle1">
            阅读情况：{data.counties}个县（市、区），已送达{data.delivered}个，已阅读{data.read}个
          </Typography>
          <Table size="small" aria-label="阅读情况">
            <TableHead>
              <TableRow>
                <TableCell>单位</TableCell>
                <TableCell>送达工作站</TableCell>
                <TableCell>阅读人及时间</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.bureaus.map((b) => (
                <TableRow key={b.id} data-testid="notice-bureau">
                  <TableCell>{b.name}</TableCell>
                  <TableCell>{b.deliveredAt ? when(b.deliveredAt) : '尚未同步'}</TableCell>
                  <TableCell>
                    {b.readers.length ? b.readers.map((r) => `${r.name}（${when(r.readAt)}）`).join('、') : '未读'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
}
