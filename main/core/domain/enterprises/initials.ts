/**
 * Pinyin initials for search (天柱鑫源化工 → tzxyhg); letters and digits are kept as they are,
 * punctuation and spaces dropped (贵州（天柱）鑫源 → gztzxy).
 */
import { pinyin } from 'pinyin-pro';

const han = /\p{Script=Han}/u;

/** pinyin-pro reads the whole text, so a polyphone (重庆 cq, 重量 zl) takes its reading from its words. */
export function pinyinInitials(text: string): string {
  const s = pinyin(text, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' });
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The same initials, faster for a large import: a character with one possible initial is
 * looked up once and remembered; only a text with a polyphone goes through the whole reading.
 */
export class InitialsCache {
  private readonly known = new Map<string, string | null>();

  private initialOf(ch: string): string | null {
    if (!han.test(ch)) return /[\p{L}\p{N}]/u.test(ch) ? ch.toLowerCase() : '';
    const all = new Set(
      pinyin(ch, { pattern: 'first', toneType: 'none', multiple: true, type: 'array' }).map((x) => x.toLowerCase()),
    );
    return all.size === 1 ? [...all][0]! : null;
  }

  initials(text: string): string {
    let out = '';
    for (const ch of text) {
      let v = this.known.get(ch);
      if (v === undefined) {
        v = this.initialOf(ch);
        this.known.set(ch, v);
      }
      if (v === null) return pinyinInitials(text);
      out += v;
    }
    return out;
  }
}
