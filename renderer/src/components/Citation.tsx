/** A legal basis, set off as such: 依据：行政处罚法第五十四条 */
import Typography from '@mui/material/Typography';

export function Citation({ text, prefix = '依据' }: { text: string; prefix?: string }) {
  if (!text) return null;
  return (
    <Typography component="span" variant="caption" color="text.secondary" sx={{ whiteSpace: 'normal' }}>
      {prefix}：{text}
    </Typography>
  );
}
