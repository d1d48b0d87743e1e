/**
 * 通知公告: the notices and files the province or the prefecture published to this county, received at
 * sync and readable offline. Unread ones are marked; opening one records that this user read it (the
 * receipt goes up at the next sync and the publisher sees it). An attachment opens from this desk's
 * store; one not yet brought by a sync says so. A notice its publisher withdrew (撤回) after it came stays,
 * marked 已撤回 with when and why; opening it records no reading.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NoticeView } from '#common/schemas/notices';
import { readFile } from '#renderer/api/files';
import { messageOf } from '#renderer/api/errors';
import { send } from '#renderer/api/send';
import { LoadStatus } from '#renderer/components/LoadStatus';
import { useOp } from '#renderer/hooks/useOp';
import { downloadBlob } from '#renderer/util/binary';
import { formatInstant } from '#renderer/util/dates';
import { noticeRead } from './NoticesNav';

// As every screen shows a time (2026-03-02 09:30), not the browser's own short form (2026/3/2 09:30).
const when = (iso: string): string => formatInstant(iso);

const sizeOf = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(n / 1024))}KB`;

export function NoticesScreen() {
  const list = useOp('notices.list', {});
  const [open, setOpen] = useState<NoticeView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = list.data ?? [];

  const show = async (n: NoticeView) => {
    setFailure(null);
    setOpen(n);
    if (n.readAt || n.withdrawn) return;
    try {
      const read = await send('notices.read', { noticeId: n.id });
      setOpen(read);
      list.set(rows.map((r) => (r.id === read.id ? read : r)));
      noticeRead();
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  const download = async (a: NoticeView['attachments'][number]) => {
    setFailure(null);
    try {
      downloadBlob(await readFile({ hash: a.sha256 }), a.name);
    } catch (e) {
      setFailure(messageOf(e));
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5">通知公告</Typography>
      <LoadStatus loaded={list.data !== undefined} error={list.error} onRetry={list.reload} />
      {failure && <Alert severity="error">{failure}</Alert>}
      {list.data && rows.length === 0 && (
        <Alert severity="info">暂无通知公告。省厅、市（州）局发布的通知在同步后显示在这里。</Alert>
      )}
      {rows.length > 0 && (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Paper variant="outlined" sx={{ width: { md: 380 }, flexShrink: 0 }}>
            <List dense aria-label="通知列表" disablePadding>
              {rows.map((n) => (
                <ListItemButton
                  key={n.id}
                  data-testid="notice-row"
                  selected={open?.id === n.id}
                  onClick={() => void show(n)}
                >
                  <ListItemText
                    primary={
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        {n.withdrawn ? (
                          <Chip size="small" label="已撤回" />
                        ) : (
                          !n.readAt && <Chip size="small" color="secondary" label="未读" />
                        )}
                        <Typography
                          component="span"
                          sx={{
                            fontWeight: n.readAt || n.withdrawn ? 400 : 600,
                            textDecoration: n.withdrawn ? 'line-through' : 'none',
                          }}
                        >
                          {n.title}
                        </Typography>
                      </Stack>
                    }
                    secondary={`${n.publisher} · ${when(n.publishedAt)}`}
                  />
                </ListItemButton>
              ))}
            </List>
          </Paper>
          {open ? (
            <Paper variant="outlined" sx={{ p: 3, flexGrow: 1 }} data-testid="notice-detail">
              <Typography variant="h6" component="h2" gutterBottom>
                {open.title}
              </Typography>
              <Typography variant="body2" color="text.secondary" gutterBottom>
                {open.publisher} {open.publishedBy} 发布于 {when(open.publishedAt)}
                {open.readAt && ` · 您已于 ${when(open.readAt)} 阅读`}
              </Typography>
              {open.withdrawn && (
                <Alert severity="warning" data-testid="notice-withdrawn" sx={{ my: 1 }}>
                  已撤回：发布单位于 {when(open.withdrawn.at)} 撤回本通知，不再执行。撤回理由：{open.withdrawn.reason}
                </Alert>
              )}
              <Typography component="div" sx={{ whiteSpace: 'pre-wrap', my: 2, lineHeight: 1.9 }}>
                {open.body}
              </Typography>
              {open.attachments.length > 0 && (
                <Box>
                  <Typography variant="subtitle2">附件</Typography>
                  {open.attachments.map((a) => (
                    <Stack key={a.sha256} direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
                      <Typography variant="body2">
                        {a.name}（{sizeOf(a.size)}）
                      </Typography>
                      {a.available ? (
                        <Button size="small" onClick={() => void download(a)}>
                          下载
                        </Button>
                      ) : (
                        <Typography variant="caption" color="text.secondary">
                          {open.withdrawn ? '通知已撤回，附件不再下载' : '尚未下载到本机，下次同步时下载'}
                        </Typography>
                      )}
                    </Stack>
                  ))}
                </Box>
              )}
            </Paper>
          ) : (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              选择左侧的通知查看全文。
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  );
}
