/** One law: its versions (with the period each was in force), history and articles by chapter. */
import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { LawGetOutput, LawInfo } from '../../../../common/schemas/laws';
import { send } from '../../api/send';
import { messageOf } from '../../api/errors';
import { ArticleText } from '../../components/ArticleText';
import { versionName, versionPeriod } from '../../util/lawText';

export function LawText({ law, article }: { law: LawInfo; article: number | null }) {
  const [versionDate, setVersionDate] = useState(law.versions[0]?.versionDate ?? '');
  const [text, setText] = useState<LawGetOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scrolled = useRef<string>('');

  useEffect(() => {
    let live = true;
    setError(null);
    send('laws.get', { law: law.id, versionDate })
      .then((t) => { if (live) setText(t); })
      .catch((e: unknown) => { if (live) setError(messageOf(e)); });
    return () => { live = false; };
  }, [law.id, versionDate]);

  // Bring the article the link named into view once its text is on the page.
  useEffect(() => {
    const key = `${versionDate}/${article}`;
    if (!text || !article || scrolled.current === key) return;
    scrolled.current = key;
    document.getElementById(`article-${article}`)?.scrollIntoView({ block: 'start' });
  }, [text, article, versionDate]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!text) return <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}><CircularProgress /></Box>;

  let chapter = '';
  return (
    <Paper sx={{ p: 2.5 }} data-testid="law-text">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>{text.fullName}</Typography>
        <TextField
          select
          fullWidth={false}
          size="small"
          label="版本"
          value={versionDate}
          onChange={(e) => setVersionDate(e.target.value)}
          sx={{ minWidth: 260 }}
        >
          {law.versions.map((v) => (
            <MenuItem key={`${v.versionDate}${v.part}`} value={v.versionDate}>{versionName(v)} · {v.effectiveTo ? '已失效' : '现行'}</MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="law-period">{versionPeriod(text.version)} · 共{text.version.articleCount}条 · 来源文件 {text.version.sourceName}</Typography>
      {text.history.length > 0 && (
        <Box component="ul" sx={{ color: 'text.secondary', fontSize: 13, pl: 2.5, my: 1 }}>
          {text.history.map((h) => <li key={`${h.date}${h.event}`}>{h.date} {h.event}</li>)}
        </Box>
      )}
      {text.preamble && <Typography variant="body2" sx={{ whiteSpace: 'pre-line', my: 1.5 }}>{text.preamble}</Typography>}
      <Box sx={{ maxHeight: '65vh', overflow: 'auto', pr: 1 }}>
        {text.articles.map((a) => {
          const heading = a.chapter !== chapter ? a.chapter : '';
          chapter = a.chapter;
          const targeted = article === a.number && a.sub === 0;
          return (
            <Box key={`${a.number}-${a.sub}`}>
              {heading && <Typography variant="subtitle1" sx={{ fontWeight: 600, textAlign: 'center', mt: 2, mb: 1 }}>{heading}</Typography>}
              <Box
                id={a.sub === 0 ? `article-${a.number}` : undefined}
                data-testid={`article-${a.number}${a.sub ? `-${a.sub}` : ''}`}
                sx={{ mb: 1.5, p: targeted ? 1 : 0, borderLeft: targeted ? 3 : 0, borderColor: 'primary.main', bgcolor: targeted ? 'action.hover' : 'transparent' }}
              >
                <ArticleText label={a.label} paragraphs={a.paragraphs} />
              </Box>
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}
