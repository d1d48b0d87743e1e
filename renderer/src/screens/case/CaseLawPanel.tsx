/**
 * 法律依据: the articles the case cites (breached and penalty), each with its text as in force on
 * the violation date — or "条文未载入" when the library does not hold it, in which case documents
 * still cite the article by number. A click opens the text.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';
import type { ArticleResolution } from '#common/schemas/laws';
import { hrefOf } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';
import { ArticleText } from '#renderer/components/ArticleText';
import { Section } from '#renderer/components/Section';
import { versionName, versionPeriod } from '#renderer/util/lawText';

type Loaded = Extract<ArticleResolution, { status: 'loaded' }>;

/** A cited item shows the item itself (its paragraph's opening words are in the full text). */
function preview(res: Loaded): string {
  const text = res.item ? (res.citedText.split('\n').at(-1) ?? res.citedText) : res.citedText;
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}

export function CaseLawPanel({ view }: { view: CaseView }) {
  // The provision the case rests on (从旧兼从轻), in its text of the day it applies: the act's day, or
  // the decision's when the lighter new law applies. Without an act date, the type chosen at 立案.
  const basis = view.legalBasis;
  const provision = basis?.applied ?? view.state.violation;
  const on = basis ? (basis.rule === 'new-law-lighter' ? basis.decisionOn : basis.actOn) : view.state.filedOn;
  const refs = [
    ...provision.breached.map((r) => ({ role: '违反', ref: r })),
    { role: '处罚依据', ref: provision.penaltyArticle },
  ];
  const { data: resolved, error } = useOp('laws.cite', {
    refs: refs.map((r) => ({ law: r.ref.law, article: r.ref.article })),
    on,
  });
  const [open, setOpen] = useState<Loaded | null>(null);
  // Why an article is not shown, said once: three articles of a law not in the library share one reason.
  const notes = (resolved ?? []).map((res) =>
    res.status === 'not-loaded' ? res.message.replace(/^条文未载入：/, '') : '',
  );
  const firstNote = (i: number): boolean => Boolean(notes[i]) && notes.indexOf(notes[i]!) === i;

  return (
    <Section
      title="法律依据"
      subtitle={`按${basis ? (basis.rule === 'new-law-lighter' ? '作出决定' : '违法行为发生') : '立案'}之日（${on}）有效的条文`}
      testId="case-law"
    >
      {error && (
        <Typography variant="body2" color="error">
          {error}
        </Typography>
      )}
      <Stack spacing={1}>
        {refs.map((r, i) => {
          const res = resolved?.[i];
          return (
            <Box key={`${r.role}${i}`} data-testid={`case-law-${i}`} data-status={res?.status ?? 'loading'}>
              <Typography variant="caption" color="text.secondary">
                {r.role}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                {res?.status === 'loaded' ? (
                  <Link component="button" variant="body2" onClick={() => setOpen(res)} sx={{ textAlign: 'left' }}>
                    {res.citation}
                  </Link>
                ) : (
                  <Typography variant="body2">
                    {r.ref.law}
                    {r.ref.article}
                  </Typography>
                )}
                {res?.status === 'not-loaded' && (
                  <Chip
                    size="small"
                    color="warning"
                    variant="outlined"
                    label={res.reason === 'repealed' ? '已废止' : '条文未载入'}
                    title={res.message}
                  />
                )}
              </Stack>
              {res?.status === 'loaded' && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', whiteSpace: 'pre-line' }}>
                  {preview(res)}
                </Typography>
              )}
              {firstNote(i) && (
                <Typography variant="caption" color="text.secondary" data-testid="case-law-note">
                  {notes[i]}
                </Typography>
              )}
            </Box>
          );
        })}
      </Stack>
      {open && (
        <Dialog open onClose={() => setOpen(null)} maxWidth="md" fullWidth data-testid="case-law-dialog">
          <DialogTitle>{open.citation}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {open.fullName} {versionName(open.version)} · {versionPeriod(open.version)}
              {open.chapter ? ` · ${open.chapter}` : ''}
            </Typography>
            {open.warning && (
              <Typography variant="body2" color="warning.main" gutterBottom>
                {open.warning}
              </Typography>
            )}
            <ArticleText label={open.label} paragraphs={open.paragraphs} paragraph={open.paragraph} item={open.item} />
          </DialogContent>
          <DialogActions>
            <Button component="a" href={hrefOf({ name: 'laws', law: open.law, article: open.number })}>
              在法律法规中查看
            </Button>
            <Button onClick={() => setOpen(null)}>关闭</Button>
          </DialogActions>
        </Dialog>
      )}
    </Section>
  );
}
