/** The laws in the library, newest version's commencement under each (已废止 with the date for a repealed law); the selected one marked. */
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import type { LawInfo } from '#common/schemas/laws';
import { hrefOf } from '#renderer/app/route';
import { chineseDate } from '#renderer/util/dates';

export function LawList({ laws, selected }: { laws: LawInfo[]; selected: string | null }) {
  if (!laws.length) return null;
  return (
    <Paper sx={{ maxHeight: '75vh', overflow: 'auto' }}>
      <List dense data-testid="law-list">
        {laws.map((l) => {
          const newest = l.versions[0];
          return (
            <ListItemButton
              key={l.id}
              component="a"
              href={hrefOf({ name: 'laws', law: l.id, article: null })}
              selected={l.id === selected}
              data-testid={`law-${l.id}`}
            >
              <ListItemText
                primary={l.id}
                secondary={
                  <>
                    {l.repeal && (
                      <Box
                        component="span"
                        sx={{ color: 'warning.dark', display: 'block' }}
                        data-testid={`law-repealed-${l.id}`}
                        title={l.repeal.text}
                      >
                        已废止（{chineseDate(l.repeal.repealedOn)}起）
                      </Box>
                    )}
                    {newest
                      ? `${newest.versionDate}版 · ${newest.articleCount}条${l.versions.length > 1 ? ` · 共${l.versions.length}个版本` : ''}`
                      : ''}
                  </>
                }
              />
            </ListItemButton>
          );
        })}
      </List>
    </Paper>
  );
}
