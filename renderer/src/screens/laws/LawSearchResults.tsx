/**
 * 检索结果: each article found, with the searched words marked and its place (编 › 章 › 节); an
 * article no longer in force says until when. A click opens it in its law.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { hrefOf } from '#renderer/app/route';
import { useOp } from '#renderer/hooks/useOp';
import { placeOf } from './lawParts';

export function LawSearchResults({ query, onOpen }: { query: string; onOpen(): void }) {
  const { data: result, error, loading } = useOp('laws.search', { query, limit: 100 });

  if (error) return <Alert severity="error">{error}</Alert>;
  return (
    <Paper data-testid="law-search-results">
      <Box sx={{ height: 3 }}>{loading && <LinearProgress sx={{ height: 3 }} />}</Box>
      {result && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }} data-testid="law-search-total">
          {result.total === 0
            ? `没有找到含“${query}”的条文`
            : `找到${result.total}条${result.total > result.rows.length ? `，显示前${result.rows.length}条` : ''}`}
        </Typography>
      )}
      <List dense>
        {result?.rows.map((h) => (
          <ListItemButton
            key={`${h.law}-${h.versionDate}-${h.number}-${h.sub}`}
            component="a"
            href={hrefOf({ name: 'laws', law: h.law, article: h.number })}
            onClick={onOpen}
            sx={{ display: 'block' }}
            data-testid="law-search-hit"
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              《{h.fullName}》{h.label}
              {h.effectiveTo && (
                <Box
                  component="span"
                  sx={{ fontWeight: 400, color: 'warning.dark', ml: 1 }}
                  data-testid="law-search-ended"
                >
                  （施行至{h.effectiveTo}）
                </Box>
              )}
            </Typography>
            {h.divisions && h.divisions.length > 0 && (
              <Typography variant="caption" color="text.secondary">
                {placeOf(h.divisions)}
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              {h.snippet.map((s, i) =>
                s.hit ? (
                  <Box
                    key={i}
                    component="mark"
                    sx={{ bgcolor: 'rgba(255, 213, 79, .6)', color: 'text.primary', px: 0.25 }}
                  >
                    {s.text}
                  </Box>
                ) : (
                  <span key={i}>{s.text}</span>
                ),
              )}
            </Typography>
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
