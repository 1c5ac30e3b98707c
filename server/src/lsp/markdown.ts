// Hover Markdown is built from text we do not control (corpus documents, drafts). Every character
// that could start a Markdown construct is backslash-escaped, so such text never opens a link, an
// autolink, HTML, an entity, emphasis or code: `[x](command:y)` shows as typed. Punctuation that
// cannot start anything (commas, periods inside a line) is left alone to keep the source readable
// in clients that show hover Markdown as it is.
const INLINE = /[\\`*~[\]<>&|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
/** Constructs that only count at the start of a line: headings, quotes, lists, setext underlines. */
const LINE_START = /^([#>+\-=])|^(\d+)([.)])/;
/**
 * Where GFM finds a bare link in plain text: `http://`, `www.`, `x@y` (and `mailto:`, `xmpp:`).
 * Some renderers look for these after escapes are undone, so escaping cannot stop them: an invisible
 * WORD JOINER (U+2060) goes inside the pattern instead, and the text reads the same.
 */
const BARE_LINK = /(?<=[a-z]:)(?=\/\/)|(?<=\bwww)(?=\.)|(?=@)|(?<=\b(?:mailto|xmpp):)/gi;
const WORD_JOINER = '\u2060';

/** Text shown literally in Markdown, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(INLINE, '\\$&')
    .replace(BARE_LINK, WORD_JOINER)
    .replace(LINE_START, (_, mark: string | undefined, digits: string, punct: string) => (mark ? `\\${mark}` : `${digits}\\${punct}`));
}
