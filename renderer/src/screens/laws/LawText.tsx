/**
 * One law: its versions (with the period each was in force, 已废止 for a repealed law), history, its
 * 目录 (编 → 分编 → 章 → 节) and its articles. A long law (the 生态环境法典) is read one 章 at a
 * time, chosen in the 目录 or by the article in the link; each part shows where it stands.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { LawArticleView, LawInfo } from '#common/schemas/laws';
import { useOp } from '#renderer/hooks/useOp';
import { hrefOf } from '#renderer/app/route';
import { ArticleText } from '#renderer/components/ArticleText';
import { versionName, versionPeriod } from '#renderer/util/lawText';
import { LawOutline } from './LawOutline';
import { activeKeys, divisionName, lawParts, partIndexOf, partThreshold, placeOf } from './lawParts';

function Articles({
  articles,
  article,
  showChapters,
}: {
  articles: LawArticleView[];
  article: number | null;
  showChapters: boolean;
}) {
  let heading = '';
  return (
    <>
      {articles.map((a) => {
        // A whole short law: its chapter line when it changes. A part of a long law: its 节 when it changes.
        const section = showChapters
          ? a.chapter
          : (a.divisions ?? [])
              .filter((d) => d.kind === '节')
              .map(divisionName)
              .join(' ');
        const shown = section !== heading ? section : '';
        heading = section;
        const targeted = article === a.number && a.sub === 0;
        return (
          <Box key={`${a.number}-${a.sub}`} id={a.sub === 0 ? `article-${a.number}` : undefined}>
            {shown && (
              <Typography variant="subtitle1" sx={{ fontWeight: 600, textAlign: 'center', mt: 2, mb: 1 }}>
                {shown}
              </Typography>
            )}
            {targeted && a.divisions && a.divisions.length > 0 && (
              <Typography
                variant="caption"
                color="text.secondary"
                sx={{ display: 'block' }}
                data-testid="article-place"
              >
                位置：{placeOf(a.divisions)}
              </Typography>
            )}
            <Box
              data-testid={`article-${a.number}${a.sub ? `-${a.sub}` : ''}`}
              sx={{
                mb: 1.5,
                p: targeted ? 1 : 0,
                borderLeft: targeted ? 3 : 0,
                borderColor: 'primary.main',
                bgcolor: targeted ? 'action.hover' : 'transparent',
              }}
            >
              <ArticleText label={a.label} paragraphs={a.paragraphs} />
            </Box>
          </Box>
        );
      })}
    </>
  );
}

export function LawText({ law, article }: { law: LawInfo; article: number | null }) {
  const [versionDate, setVersionDate] = useState(law.versions[0]?.versionDate ?? '');
  const { data: text, error } = useOp('laws.get', { law: law.id, versionDate });
  const scrolled = useRef<string>('');
  const pane = useRef<HTMLDivElement>(null);

  const parts = useMemo(() => (text ? lawParts(text.articles) : []), [text]);
  const paged = Boolean(text && text.articles.length > partThreshold && parts.length > 1);
  const partIndex = paged ? partIndexOf(parts, article) : -1;
  const part = paged ? parts[partIndex]! : null;

  // Bring the article the link named to the top of the text pane (below a part's header) once it is
  // on the page; a part opened without an article starts at its top.
  useEffect(() => {
    const key = `${versionDate}/${article}`;
    const box = pane.current;
    if (!text || !box || scrolled.current === key) return;
    scrolled.current = key;
    const el = article ? document.getElementById(`article-${article}`) : null;
    const header = box.querySelector<HTMLElement>('[data-part-header]')?.offsetHeight ?? 0;
    box.scrollTo({
      top: el ? el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - header : 0,
    });
    if (el) box.scrollIntoView({ block: 'nearest' });
  }, [text, article, versionDate]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!text)
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress />
      </Box>
    );

  const outline = text.outline ?? [];
  const targeted = text.articles.find((a) => a.number === article && a.sub === 0);
  const active = activeKeys(
    targeted && (!part || part.articles.includes(targeted)) ? (targeted.divisions ?? []) : (part?.divisions ?? []),
  );
  const repealed = (v: { effectiveTo: string | null }): boolean =>
    Boolean(law.repeal && v.effectiveTo === law.repeal.lastDay);
  const partLink = (i: number) => hrefOf({ name: 'laws', law: law.id, article: parts[i]!.articles[0]!.number });

  const body = (
    <Box ref={pane} sx={{ maxHeight: '65vh', overflow: 'auto', pr: 1 }} data-testid="law-articles">
      {part && (
        <Stack
          direction="row"
          spacing={1}
          data-part-header
          sx={{
            alignItems: 'center',
            mb: 1,
            position: 'sticky',
            top: 0,
            bgcolor: 'background.paper',
            zIndex: 1,
            py: 0.5,
          }}
        >
          <Typography variant="subtitle2" sx={{ flex: 1 }} data-testid="law-part-place">
            {placeOf(part.divisions) || '（无章节）'}
          </Typography>
          <Button
            size="small"
            href={partIndex > 0 ? partLink(partIndex - 1) : undefined}
            disabled={partIndex === 0}
            data-testid="law-part-prev"
          >
            上一章
          </Button>
          <Button
            size="small"
            href={partIndex < parts.length - 1 ? partLink(partIndex + 1) : undefined}
            disabled={partIndex === parts.length - 1}
            data-testid="law-part-next"
          >
            下一章
          </Button>
        </Stack>
      )}
      <Articles articles={part ? part.articles : text.articles} article={article} showChapters={!part} />
    </Box>
  );

  return (
    <Paper sx={{ p: 2.5 }} data-testid="law-text">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {text.fullName}
        </Typography>
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
            <MenuItem key={`${v.versionDate}${v.part}`} value={v.versionDate}>
              {versionName(v)} · {repealed(v) ? '已废止' : v.effectiveTo ? '已失效' : '现行'}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {text.repeal && (
        <Alert severity="warning" sx={{ my: 1 }} data-testid="law-repeal">
          本法{text.repeal.text}，施行至{text.repeal.lastDay}；此后发生的行为适用新的规定。
          {text.repeal.verified ? '' : '（废止数据未核实）'}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" data-testid="law-period">
        {versionPeriod(text.version)} · 共{text.version.articleCount}条 · 来源文件 {text.version.sourceName}
      </Typography>
      {text.history.length > 0 && (
        <Box component="ul" sx={{ color: 'text.secondary', fontSize: 13, pl: 2.5, my: 1 }}>
          {text.history.map((h) => (
            <li key={`${h.date}${h.event}`}>
              {h.date} {h.event}
            </li>
          ))}
        </Box>
      )}
      {text.preamble && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-line', my: 1.5 }}>
          {text.preamble}
        </Typography>
      )}
      {outline.length > 1 || (outline[0]?.children.length ?? 0) > 0 ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>
            <LawOutline law={law.id} outline={outline} active={active} />
          </Grid>
          <Grid size={{ xs: 12, md: 8 }}>{body}</Grid>
        </Grid>
      ) : (
        body
      )}
    </Paper>
  );
}
