/**
 * The statute files' lines, cleaned: HTML comments removed (the template annotates itself with
 * them), zero-width and full-width spaces trimmed (the texts copied from official sites carry
 * them), each line keeping its number for messages. Pure.
 */

export interface SourceLine {
  /** 1-based line number in the file. */
  no: number;
  /** The line as written. */
  raw: string;
  /** Without comments and surrounding blanks; '' for a blank line. */
  text: string;
}

// \s covers U+3000 and U+00A0 in JavaScript; zero-width space and BOM are not whitespace there.
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

export function sourceLines(content: string): SourceLine[] {
  const out: SourceLine[] = [];
  let inComment = false;
  content.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let rest = raw;
    let text = '';
    while (rest.length) {
      if (inComment) {
        const end = rest.indexOf('-->');
        if (end < 0) {
          rest = '';
          break;
        }
        rest = rest.slice(end + 3);
        inComment = false;
      } else {
        const start = rest.indexOf('<!--');
        if (start < 0) {
          text += rest;
          break;
        }
        text += rest.slice(0, start);
        rest = rest.slice(start + 4);
        inComment = true;
      }
    }
    out.push({ no: i + 1, raw, text: text.replace(invisible, '').trim() });
  });
  return out;
}

/** The separator between the dated header and the text: <!-- INFO END -->. */
export function isInfoEnd(line: SourceLine): boolean {
  return /<!--\s*INFO\s+END\s*-->/i.test(line.raw);
}
