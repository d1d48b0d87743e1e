/** A "scan" of a known text for the OCR tests and the bench: black Noto Sans SC on white, grey PNG. */
import { join } from 'node:path';
import { fontsDir } from '../paths.js';
import { sharpLib } from '../files/thumbnailer.js';

/** Lines of text as a 150 dpi grey PNG (~`size` pt), with a white margin as a scanner leaves. */
export async function scanOfText(lines: string[], size = 14): Promise<Buffer> {
  const sharp = await sharpLib();
  const markup = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = await sharp({
    text: {
      text: `<span foreground="black">${lines.map(markup).join('\n')}</span>`,
      font: `Noto Sans SC ${size}`,
      fontfile: join(fontsDir(), 'NotoSansSC-Regular.ttf'),
      dpi: 150,
      rgba: true,
      spacing: Math.round(size * 0.8),
    },
  })
    .png()
    .toBuffer();
  return sharp(text)
    .extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .png()
    .toBuffer();
}
