/**
 * 检索结果: each hit with its case (案号, 当事人), its source (案件, 当事人, 文书《…》, 证据说明,
 * OCR 第n页) and an excerpt with the searched words marked — marks are data from the core, never
 * HTML. The selected hit (arrow keys in the search box) is highlighted; a click or Enter opens the
 * case at the document or evidence item.
 */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SearchHit } from '#common/schemas/search';
import { hrefOf } from '#renderer/app/route';

/** Each piece of an excerpt with where it starts: a stable key. */
function withOffsets(snippet: SearchHit['snippet']): Array<SearchHit['snippet'][number] & { at: number }> {
  let at = 0;
  return snippet.map((s) => {
    const piece = { ...s, at };
    at += s.text.length;
    return piece;
  });
}

export function hitHref(h: SearchHit): string {
  const focus = h.open.documentId ?? h.open.evidenceId;
  return hrefOf({ name: 'case', caseId: h.open.caseId, tab: h.open.tab, ...(focus ? { focus } : {}) });
}

export function SearchResults({
  rows,
  selected,
  onSelect,
}: {
  rows: SearchHit[];
  selected: number;
  onSelect(index: number): void;
}) {
  return (
    <List dense role="listbox" aria-label="检索结果" data-testid="search-results">
      {rows.map((h, i) => (
        <ListItemButton
          key={`${h.caseId}-${h.kind}-${h.open.documentId ?? h.open.evidenceId ?? ''}-${h.open.page ?? ''}`}
          id={`search-hit-${i}`}
          component="a"
          href={hitHref(h)}
          selected={i === selected}
          aria-selected={i === selected}
          role="option"
          onMouseEnter={() => onSelect(i)}
          sx={{ display: 'block', borderBottom: 1, borderColor: 'divider' }}
          data-testid="search-hit"
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="search-hit-case">
              {h.caseNumber}
            </Typography>
            <Typography variant="body2">{h.partyName}</Typography>
            <Chip size="small" variant="outlined" label={h.source} data-testid="search-hit-source" />
            <Typography variant="caption" color="text.secondary">
              {h.violationName} · 立案{h.filedOn}
              {h.closed ? ' · 已结案' : ''}
            </Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} data-testid="search-hit-snippet">
            {withOffsets(h.snippet).map((s) =>
              s.hit ? (
                <Box
                  key={s.at}
                  component="mark"
                  sx={{ bgcolor: 'rgba(255, 213, 79, .6)', color: 'text.primary', px: 0.25 }}
                >
                  {s.text}
                </Box>
              ) : (
                <span key={s.at}>{s.text}</span>
              ),
            )}
          </Typography>
        </ListItemButton>
      ))}
    </List>
  );
}
