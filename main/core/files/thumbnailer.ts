/**
 * A photo's thumbnail: at most 320 px on its long side, JPEG, turned upright by its EXIF orientation,
 * a transparent PNG set on white. Made with sharp (libvips, shipped prebuilt inside its npm packages;
 * docs/decisions.md): a 4000×3000 JPEG is decoded at 1/8 scale straight from its DCT blocks, in tens
 * of milliseconds and a few MB, where a pure-JS decoder needs the full 48 MB bitmap and seconds.
 * sharp is loaded on first use, so a core whose sharp cannot load still starts (and serves originals).
 */
export const thumbnailSide = 320;

export interface MadeThumbnail {
  bytes: Buffer;
  width: number;
  height: number;
}

type Sharp = typeof import('sharp').default;
let loading: Promise<Sharp> | null = null;

/** sharp, loaded once (the dossier's print copies of photos share it). */
export function sharpLib(): Promise<Sharp> {
  loading ??= import('sharp')
    .then((m) => {
      const sharp = m.default;
      // No cache of decoded images (each photo is seen once), and one libvips thread: the core
      // shares two cores with the window and the PDF engine.
      sharp.cache(false);
      sharp.concurrency(1);
      return sharp;
    })
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

export async function makeThumbnail(photo: Uint8Array): Promise<MadeThumbnail> {
  const sharp = await sharpLib();
  const { data, info } = await sharp(photo, { failOn: 'none', limitInputPixels: 200_000_000 })
    .rotate()
    .resize({ width: thumbnailSide, height: thumbnailSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
