/** An article as printed: label, paragraphs (款) and their items (项); the cited part can be marked. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { LawParagraphView } from '#common/schemas/laws';

interface Props {
  label: string;
  paragraphs: LawParagraphView[];
  /** 1-based 款 / 项 to mark, as cited. */
  paragraph?: number | null;
  item?: number | null;
}

const marked = { bgcolor: 'rgba(255, 213, 79, .35)', borderRadius: 0.5 };

export function ArticleText({ label, paragraphs, paragraph = null, item = null }: Props) {
  // 第九十九条第二项 names an item without a 款: it is in the first paragraph that has items.
  const itemHolder = item ? (paragraph ?? paragraphs.findIndex((p) => p.items.length) + 1) : null;
  return (
    <Box sx={{ lineHeight: 1.9 }}>
      {paragraphs.map((p, i) => {
        const isCited = paragraph === i + 1 && !item;
        return (
          <Box key={i} sx={{ mb: 0.5 }}>
            <Typography
              component="p"
              variant="body2"
              sx={{ textIndent: i === 0 ? 0 : '2em', ...(isCited ? marked : {}) }}
            >
              {i === 0 && (
                <Box component="strong" sx={{ mr: 1 }}>
                  {label}
                </Box>
              )}
              {p.text}
            </Typography>
            {p.items.map((it) => (
              <Typography
                key={it.number}
                component="p"
                variant="body2"
                sx={{ pl: '2em', ...(itemHolder === i + 1 && item === it.number ? marked : {}) }}
              >
                {it.label}
                {it.text}
              </Typography>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
