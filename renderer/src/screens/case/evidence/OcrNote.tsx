/**
 * On a scan's card: whether its text is searchable yet (OCR runs in the background after the upload),
 * and which pages could not be read and so are not found by search.
 */
import Typography from '@mui/material/Typography';
import type { EvidenceOcr } from '#common/schemas/ocr';

/** “第2、5页” — pages listed, at most six, then how many more. */
function pagesText(pages: number[]): string {
  const shown = pages.slice(0, 6).join('、');
  return pages.length > 6 ? `第${shown}等${pages.length}页` : `第${shown}页`;
}

export function ocrNoteText(ocr: EvidenceOcr): { text: string; warn: boolean } {
  if (ocr.state === 'waiting') return { text: '正在后台识别文字，完成后可被检索', warn: false };
  if (ocr.failure) return { text: `${ocr.failure}，不可检索`, warn: true };
  if (ocr.unreadablePages.length === ocr.pages && ocr.pages > 0)
    return { text: '未能识别出文字，不可检索', warn: true };
  if (ocr.unreadablePages.length)
    return {
      text: `${pagesText(ocr.unreadablePages)}未能识别，不可检索；其余${ocr.pages - ocr.unreadablePages.length}页可检索`,
      warn: true,
    };
  return { text: `已识别文字（${ocr.pages}页），可检索`, warn: false };
}

export function OcrNote({ ocr }: { ocr: EvidenceOcr | undefined }) {
  if (!ocr) return null;
  const { text, warn } = ocrNoteText(ocr);
  return (
    <Typography
      variant="caption"
      color={warn ? 'warning.main' : 'text.secondary'}
      sx={{ display: 'block' }}
      data-testid="evidence-ocr"
    >
      {text}
    </Typography>
  );
}
