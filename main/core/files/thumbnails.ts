/**
 * Thumbnails of evidence photos: made when a photo is added (evidence.add), and for a photo added
 * before thumbnails existed on its first request. Each is a blob of its own (content-addressed, like
 * every file) and `thumbnails` says which photo it was made from. One at a time: each means decoding
 * a photo of up to 30 MB. A thumbnail that cannot be made never fails anything: the upload stands and
 * the 证据 tab shows the photo itself.
 */
import type { BlobStore } from '../store/blobStore.js';
import type { FileRefs } from '../store/fileRefs.js';
import { makeThumbnail, type MadeThumbnail } from './thumbnailer.js';

export interface Thumbnail {
  hash: string;
  width: number;
  height: number;
}

const thumbTypes = new Set(['image/jpeg', 'image/png']);

export class Thumbnails {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, Promise<Thumbnail | null>>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly refs: () => FileRefs,
    private readonly log: (message: string) => void = (m) => console.warn(`[anjuan] ${m}`),
    private readonly make: (photo: Uint8Array) => Promise<MadeThumbnail> = makeThumbnail,
  ) {}

  /** The thumbnail of a stored photo, made now when it has none; null when it is no photo or cannot be made. */
  of(photoHash: string, photo?: Uint8Array): Promise<Thumbnail | null> {
    const known = this.refs().thumbnail(photoHash);
    if (known && this.blobs.has(known.thumbHash))
      return Promise.resolve({ hash: known.thumbHash, width: known.width, height: known.height });
    if (!thumbTypes.has(this.blobs.mimeType(photoHash))) return Promise.resolve(null);
    const running = this.pending.get(photoHash);
    if (running) return running;
    const made = this.enqueue(() => this.create(photoHash, photo)).finally(() => this.pending.delete(photoHash));
    this.pending.set(photoHash, made);
    return made;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async create(photoHash: string, photo?: Uint8Array): Promise<Thumbnail | null> {
    try {
      const t = await this.make(photo ?? this.blobs.get(photoHash));
      const hash = this.blobs.put(t.bytes, 'image/jpeg');
      this.refs().saveThumbnail(photoHash, { thumbHash: hash, width: t.width, height: t.height });
      return { hash, width: t.width, height: t.height };
    } catch (e) {
      this.log(`无法生成照片缩略图（${photoHash.slice(0, 12)}…）：${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }
}
