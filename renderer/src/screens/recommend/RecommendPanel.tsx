/**
 * 推荐: the officer pastes what the inspection found; the core ranks the benchmark's violation types
 * by the words of the text they match (shown, so the officer can judge the suggestion), weighted by
 * the party's industry. Choosing one hands its id to the caller (e.g. the 立案 form).
 * Only types resting on the law of the act's day are ranked, each with the article it cites.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { OpOutput } from '#common/operations';
import { send } from '#renderer/api/send';
import { messageOf } from '#renderer/api/errors';
import { todayIso } from '#renderer/util/dates';

type Results = OpOutput<'recommend.violations'>['results'];

interface Props {
  /** Text to start from, e.g. the 案情摘要 already typed. */
  initialText?: string;
  /** The party, whose industry code (GB/T 4754) in the directory weighs the suggestions. */
  enterpriseId?: string | undefined;
  /** Called with the chosen type's id; without it the list is for reading only. */
  onChoose?(violationId: string): void;
  chosenId?: string;
  /** The day of the act (YYYY-MM-DD): the types offered rest on the law of that day. Today when absent. */
  on?: string | undefined;
}

export function RecommendPanel({ initialText = '', enterpriseId, onChoose, chosenId, on }: Props) {
  const [text, setText] = useState(initialText);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const day = on ?? todayIso();

  // Suggestions for another day's law are no longer offered once the day changes.
  useEffect(() => {
    setResults(null);
  }, [day]);

  const recommend = async (): Promise<void> => {
    setPending(true);
    setError(null);
    try {
      const r = await send('recommend.violations', {
        text,
        limit: 5,
        on: day,
        ...(enterpriseId ? { enterpriseId } : {}),
      });
      setResults(r.results);
    } catch (e) {
      setError(messageOf(e));
      setResults(null);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="recommend-panel">
      <TextField
        label="现场检查情况"
        multiline
        minRows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="粘贴或输入现场检查笔录中发现的问题，如：污水处理设施停运，废水经暗管直接外排……"
        slotProps={{ htmlInput: { 'data-testid': 'recommend-text', maxLength: 10000 } }}
      />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          type="button"
          variant="outlined"
          onClick={() => void recommend()}
          loading={pending}
          disabled={!text.trim()}
          data-testid="recommend-run"
        >
          推荐违法行为
        </Button>
        <Typography variant="caption" color="text.secondary">
          按裁量基准中各违法行为的关键词匹配（{day}施行的法律规定的类型），仅供参考，须由执法人员判断
        </Typography>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {results && results.length === 0 && (
        <Alert severity="info" data-testid="recommend-none">
          没有匹配的违法行为类型，请补充检查发现的具体问题，或直接选择
        </Alert>
      )}
      {results && results.length > 0 && (
        <List dense disablePadding data-testid="recommend-results">
          {results.map((r, i) => (
            <ListItem
              key={r.violationId}
              divider
              data-testid={`recommend-${r.violationId}`}
              secondaryAction={
                onChoose && (
                  <Button
                    type="button"
                    size="small"
                    variant={chosenId === r.violationId ? 'contained' : 'text'}
                    onClick={() => onChoose(r.violationId)}
                  >
                    {chosenId === r.violationId ? '已选用' : '选用'}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={`${i + 1}. ${r.name}`}
                secondary={
                  <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
                    <Typography
                      component="span"
                      variant="caption"
                      sx={{ width: '100%' }}
                      data-testid="recommend-citation"
                    >
                      依据{r.citation}
                    </Typography>
                    <Typography component="span" variant="caption">
                      {r.code} · {r.category} · 得分 {r.score}
                      {r.industryMatched ? ' · 行业相符' : ''} · 命中：
                    </Typography>
                    {r.matched.map((w) => (
                      <Chip key={w} label={w} size="small" component="span" />
                    ))}
                  </Stack>
                }
                slotProps={{ primary: { variant: 'body2' }, secondary: { component: 'span' } }}
                sx={{ pr: onChoose ? 8 : 0 }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}
