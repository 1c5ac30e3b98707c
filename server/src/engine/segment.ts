// Text segmentation: Markdown or plain text → sentences of prose with exact offsets.
// Markdown is parsed with @lezer/markdown (CommonMark + GFM, exact source positions for every block
// and inline node) so code, HTML, URLs and front matter never reach the figure grammar. Each sentence's
// text is the source with non-prose characters blanked to spaces, so offsets inside a sentence are
// offsets into the source.
import { Autolink, Table, parser as commonmark } from '@lezer/markdown';
import type { DocumentFormat, Sentence } from './types';

// GFM tables and bare-URL autolinks matter to prose; emphasis, hard breaks and escapes do not (their
// marks are punctuation to the figure grammar), and skipping them halves the parse time.
const markdown = commonmark.configure([Table, Autolink, { remove: ['Emphasis', 'HardBreak', 'Escape'] }]);
// Block structure alone. Inline parsing is most of the cost, and most prose has no inline syntax, so
// only blocks with a character that can start some (INLINE_SYNTAX) are parsed again with `markdown`.
const blocksOnly = commonmark.configure([
  Table,
  { remove: ['Emphasis', 'HardBreak', 'Escape', 'Entity', 'InlineCode', 'HTMLTag', 'Link', 'Image', 'LinkEnd'] },
]);
// Footnote marks ("[^1]", "[^note]:") and numbered citations ("[2]") number the text, they are not claims.
const NOTE_MARKS = /\[\^[^\]\s]+\]:?|\[\d{1,3}\]/g;
// Emphasis delimiters at word edges ("**some 10,000**", "_The National Interest_"): punctuation that
// would otherwise sit between a figure and its noun. (Emphasis is not parsed, for speed.)
const EMPHASIS_MARKS = /(?<=^|[\s(\["'“‘])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=$|[\s.,;:!?)\]"'”’])/g;
const INLINE_SYNTAX = /[`<\[\]&@]|https?:|www\./i;

/** Blocks whose text forms sentences; a sentence never crosses their edges. */
// A table row is one block, so a figure's cell reads with its row ("| First wave | 1,500 |"); its pipes
// stay, so a figure's noun is never looked for in the next cell.
const PROSE_BLOCKS = /^(Paragraph|ATXHeading[1-6]|SetextHeading[12]|TableRow|TableHeader)$/;
/** Nodes inside prose that readers do not read as prose: code, URLs, markup, raw HTML. */
const BLANKED = /^(InlineCode|URL|Autolink|Image|HTMLTag|Comment|ProcessingInstruction|LinkMark|LinkLabel|LinkTitle|HeaderMark|QuoteMark|CodeMark|Entity)$/;
/** Blocks of raw HTML: their tags are markup but the text between them is shown to readers. */
const HTML_BLOCKS = /^(HTMLBlock|CommentBlock)$/;

interface Span {
  from: number;
  to: number;
}

interface Block {
  start: number;
  text: string;
}

/** Sentences of prose in a document. */
export function segment(text: string, format: DocumentFormat): Sentence[] {
  const blocks = format === 'markdown' ? markdownBlocks(text) : plainBlocks(text);
  const out: Sentence[] = [];
  for (const block of blocks) splitSentences(block.text, block.start, out);
  return out;
}

/** Plain text: every non-empty line is a block (headlines and bylines carry no full stop). */
function plainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ start: m.index, text: m[0] });
  return blocks;
}

/** Where a YAML (---) or TOML (+++) front-matter block ends, or 0 when the document has none. */
function frontMatterEnd(text: string): number {
  const m = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!m) return 0;
  const close = new RegExp(`^(${m[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*$`, 'm');
  const rest = text.slice(m[0].length);
  const end = close.exec(rest);
  if (!end) return 0;
  return m[0].length + end.index + end[0].length;
}

/** Source spans of raw HTML (blocks, inline tags and comments) in a Markdown document, outside code. */
export function htmlSpans(text: string): { start: number; end: number }[] {
  const skip = frontMatterEnd(text);
  const spans: { start: number; end: number }[] = [];
  markdown.parse(blankRange(text, 0, skip)).iterate({
    enter: (n) => {
      if (HTML_BLOCKS.test(n.name) || n.name === 'HTMLTag' || n.name === 'Comment') {
        spans.push({ start: n.from, end: n.to });
        return false;
      }
      return undefined;
    },
  });
  return spans;
}

function blankRange(text: string, from: number, to: number): string {
  return to > from ? text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to) : text;
}

function markdownBlocks(text: string): Block[] {
  const source = blankRange(text, 0, frontMatterEnd(text));
  const blocks: { from: number; to: number; heading: boolean; blanks: Span[]; html?: boolean }[] = [];
  blocksOnly.parse(source).iterate({
    enter: (n) => {
      if (PROSE_BLOCKS.test(n.name)) {
        blocks.push({ from: n.from, to: n.to, heading: n.name.includes('Heading'), blanks: [] });
      } else if (BLANKED.test(n.name)) {
        blocks[blocks.length - 1]?.blanks.push({ from: n.from, to: n.to });
        return false;
      } else if (HTML_BLOCKS.test(n.name)) {
        blocks.push({ from: n.from, to: n.to, heading: false, blanks: [], html: true });
        return false;
      } else if (/^(FencedCode|CodeBlock)$/.test(n.name)) return false;
      return undefined;
    },
  });
  return blocks.map(({ from, to, heading, blanks, html }) => {
    const slice = source.slice(from, to);
    if (!html && INLINE_SYNTAX.test(slice)) {
      const notes = [...slice.matchAll(NOTE_MARKS)].map((m) => ({ from: from + m.index, to: from + m.index + m[0].length }));
      blanks = [...blanks, ...inlineBlanks(slice, from), ...notes].sort((a, b) => a.from - b.from);
    }
    let masked = html ? htmlText(slice) : blankSpans(source, from, to, blanks).replace(EMPHASIS_MARKS, (m) => ' '.repeat(m.length));
    // "## 2. Deployment" or "3.1 Losses": the numbering is structure, not a claim.
    if (heading) masked = masked.replace(/^(\s*)(\d+(?:\.\d+)*\.?)(?=\s)/, (_m, lead: string, num: string) => lead + ' '.repeat(num.length));
    return { start: from, text: masked };
  });
}

/** The inline nodes of one block that are not prose (code, URLs, HTML…), as offsets into the document. */
function inlineBlanks(block: string, offset: number): Span[] {
  const out: Span[] = [];
  markdown.parse(block).iterate({
    enter: (n) => {
      if (!BLANKED.test(n.name)) return undefined;
      out.push({ from: offset + n.from, to: offset + n.to });
      return false;
    },
  });
  return out;
}

/** source[from, to) with the given spans (sorted by start; they may overlap) blanked to spaces, line breaks kept. */
function blankSpans(source: string, from: number, to: number, blanks: Span[]): string {
  let out = '';
  let at = from;
  for (const b of blanks) {
    const start = Math.max(b.from, at);
    const end = Math.min(b.to, to);
    if (end <= start) continue;
    out += source.slice(at, start) + source.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + source.slice(at, to);
}

/** The text a reader sees in a block of raw HTML: comments, tags, scripts, styles and entities blanked. */
function htmlText(html: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return html
    .replace(/<!--[\s\S]*?(-->|$)|<(script|style)\b[\s\S]*?(<\/\2\s*>|$)|<[^>]*>?/gi, blank)
    .replace(/&[a-z]+;|&#\d+;/gi, blank);
}

// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'sen', 'rep', 'gov', 'pres',
  'no', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'prof', 'fig', 'vol', 'pp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e',
]);

function splitSentences(block: string, offset: number, out: Sentence[]): void {
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])/g;
  let from = 0;
  for (let m = boundary.exec(block); m; m = boundary.exec(block)) {
    if (block[m.index] === '.' && !endsSentence(block, m.index)) continue;
    push(block, from, m.index + m[0].length, offset, out);
    from = m.index + m[0].length;
  }
  push(block, from, block.length, offset, out);
}

/** Whether the full stop at `dot` ends a sentence rather than an abbreviation or initial. */
function endsSentence(block: string, dot: number): boolean {
  const word = /([A-Za-z.]+)$/.exec(block.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!word) return true;
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  // Initials and dotted acronyms: "Daniel K. Inouye", "the U.S. and", "D.C.-based".
  if (/^[A-Za-z]$/.test(bare) || /^([a-z]\.)+[a-z]$/.test(bare)) return false;
  return true;
}

function push(block: string, from: number, to: number, offset: number, out: Sentence[]): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(block[s])) s++;
  while (e > s && /\s/.test(block[e - 1])) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e, text: block.slice(s, e) });
}
