// Text segmentation: Markdown or plain text → sentences of prose with exact offsets.
// Markdown is parsed with @lezer/markdown (CommonMark + GFM, exact source positions for every block
// and inline node) so code, HTML, URLs and front matter never reach the figure grammar. Each sentence's
// text is the source with non-prose characters blanked to spaces, so offsets inside a sentence are
// offsets into the source.
import { TreeFragment, type Tree } from '@lezer/common';
import { Autolink, Table, parser as commonmark } from '@lezer/markdown';
import { startsFigure } from './figures';
import { changedRange } from './textChange';
import { boundNesting } from './markdownNesting';
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
const NOTE_MARKS = /\[\^[^\]\s[]+\]:?|\[\d{1,3}\]/g;
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
  const blocks = format === 'markdown' ? markdownBlocks(markdownSource(text)) : plainBlocks(text);
  const out: Sentence[] = [];
  for (const block of blocks) splitSentences(block.text, block.start, out);
  return out;
}

/**
 * Segments successive versions of one document (an editor's), with the same result as segment(): the
 * Markdown parse reuses the previous version's tree outside the edited range (Lezer's TreeFragment),
 * and a block whose source is unchanged keeps its sentences.
 */
export class Segmenter {
  private source = '';
  private fragments: readonly TreeFragment[] = [];
  /** The last version's blocks in order, each with its key (shape and text) and sentences (offsets from its start). */
  private last: { from: number; to: number; shape: string; key: string; sentences: Sentence[] }[] = [];
  /** The same sentences by key, for a block found elsewhere than it was. */
  private blocks = new Map<string, Sentence[]>();

  constructor(readonly format: DocumentFormat) {}

  segment(text: string): Sentence[] {
    if (this.format !== 'markdown') return segment(text, this.format);
    const source = markdownSource(text);
    const change = changedRange(this.source, source);
    const tree = blocksOnly.parse(source, TreeFragment.applyChanges(this.fragments, [change]));
    this.source = source;
    this.fragments = TreeFragment.addTree(tree);
    const delta = change.toB - change.toA;
    const blocks: Segmenter['last'] = [];
    const kept = new Map<string, Sentence[]>();
    const out: Sentence[] = [];
    let j = 0;
    for (const parsed of blocksOf(tree)) {
      const shape = blockShape(parsed);
      // A block the edit did not touch, where it was last time: its key is not built again.
      const was = parsed.to <= change.fromB ? parsed.from : parsed.from >= change.toB ? parsed.from - delta : -1;
      while (was >= 0 && j < this.last.length && this.last[j].from < was) j++;
      const old = was >= 0 ? this.last[j] : undefined;
      const same = old?.from === was && old.to - old.from === parsed.to - parsed.from && old.shape === shape;
      const key = same ? old.key : `${shape}|${source.slice(parsed.from, parsed.to)}`;
      let sentences = same ? old.sentences : (kept.get(key) ?? this.blocks.get(key));
      if (!sentences) {
        const block = markdownBlock(source, parsed);
        splitSentences(block.text, 0, (sentences = []));
      }
      kept.set(key, sentences);
      blocks.push({ from: parsed.from, to: parsed.to, shape, key, sentences });
      for (const s of sentences) out.push({ start: parsed.from + s.start, end: parsed.from + s.end, text: s.text });
    }
    this.last = blocks;
    this.blocks = kept;
    return out;
  }
}

/** What a block's sentences are read from besides its text: its kind and the marks inside it, from its start. */
function blockShape(b: ParsedBlock): string {
  const blanks = b.blanks.map((x) => `${x.from - b.from}-${x.to - b.from}`).join(',');
  return `${b.heading ? 'h' : ''}${b.html ? 'x' : ''}|${blanks}`;
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
  const source = markdownSource(text);
  const spans: { start: number; end: number }[] = [];
  for (const block of parseBlocks(source)) {
    if (block.html) spans.push({ start: block.from, end: block.to });
    else if (source.slice(block.from, block.to).includes('<'))
      inlineNodes(source, block.from, block.to, (name, from, to) => {
        const tag = name === 'HTMLTag' || name === 'Comment';
        if (tag) spans.push({ start: from, end: to });
        return tag;
      });
  }
  return spans;
}

/** What the Markdown parser reads: the document with its front matter blanked and its nesting bounded. */
function markdownSource(text: string): string {
  return boundNesting(blankRange(text, 0, frontMatterEnd(text)));
}

function blankRange(text: string, from: number, to: number): string {
  return to > from ? text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to) : text;
}

interface ParsedBlock extends Span {
  heading: boolean;
  /** Nodes inside the block found by the block parser that are not prose. */
  blanks: Span[];
  html?: boolean;
}

/** The prose and raw HTML blocks of a Markdown source, outside code. */
function parseBlocks(source: string): ParsedBlock[] {
  return blocksOf(blocksOnly.parse(source));
}

function blocksOf(tree: Tree): ParsedBlock[] {
  const blocks: ParsedBlock[] = [];
  tree.iterate({
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
  return blocks;
}

function markdownBlocks(source: string): Block[] {
  return parseBlocks(source).map((b) => markdownBlock(source, b));
}

/** A block's prose: its source with everything that is not prose blanked. */
function markdownBlock(source: string, { from, to, heading, blanks, html }: ParsedBlock): Block {
  const slice = source.slice(from, to);
  if (!html && INLINE_SYNTAX.test(slice)) {
    const notes = [...slice.matchAll(NOTE_MARKS)].map((m) => ({ from: from + m.index, to: from + m.index + m[0].length }));
    const inline: Span[] = [];
    inlineNodes(source, from, to, (name, start, end) => {
      const blank = BLANKED.test(name);
      if (blank) inline.push({ from: start, to: end });
      return blank;
    });
    blanks = [...blanks, ...inline, ...notes].sort((a, b) => a.from - b.from);
  }
  let masked = html ? htmlText(slice) : blankSpans(source, from, to, blanks).replace(EMPHASIS_MARKS, (m) => ' '.repeat(m.length));
  // "## 2. Deployment" or "3.1 Losses": the numbering is structure, not a claim.
  if (heading) masked = masked.replace(/^(\s*)(\d+(?:\.\d+)*\.?)(?=\s)/, (_m, lead: string, num: string) => lead + ' '.repeat(num.length));
  return { start: from, text: masked };
}

// Inline syntax is parsed in pieces of at most this many characters, cut at line breaks where there are
// any: some inline rules (code spans) search ahead for their close, which over a huge block costs its
// square. No ordinary paragraph comes near it.
const INLINE_CHUNK = 20_000;

/**
 * Visits the inline nodes of source[from, to), with offsets into the source; `visit` returns true for a
 * node whose children need not be visited.
 */
function inlineNodes(source: string, from: number, to: number, visit: (name: string, from: number, to: number) => unknown): void {
  for (let start = from; start < to; ) {
    let end = Math.min(to, start + INLINE_CHUNK);
    const lineEnd = source.lastIndexOf('\n', end - 1) + 1;
    if (end < to && lineEnd > start) end = lineEnd;
    const offset = start;
    markdown.parse(source.slice(start, end)).iterate({ enter: (n) => (visit(n.name, offset + n.from, offset + n.to) ? false : undefined) });
    start = end;
  }
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
  // Only from the start of a run of marks: trying every mark of a long run ("!!!…") costs its square.
  const boundary = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])/g;
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
  const word = /(?<![A-Za-z.])([A-Za-z.]+)$/.exec(block.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!word) return true;
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  // Initials and dotted acronyms: "Daniel K. Inouye", "the U.S. and", "D.C.-based".
  if (/^[A-Za-z]$/.test(bare) || /^([a-z]\.)+[a-z]$/.test(bare)) return false;
  return true;
}

// A sentence longer than these limits (a pasted table, a dump of numbers, a paragraph with no full
// stop) is not prose anyone reads as one sentence: it is checked in windows of a tenth of them, so the
// work per figure stays bounded whatever was pasted. A window with fewer words than numbers is a run of
// table cells or bare numbers, not prose: none of its numbers has words of its own to say what it counts,
// so no source could be said to state it, and reading the nearest stray word as its noun would only
// invent mismatches. Such a window is left out. Ordinary sentences are far below the limits.
const LONG_CHARS = 20_000;
const LONG_FIGURES = 500;
// Each figure's frame is read from its whole sentence, so a sentence's cost grows with its numbers
// times its length: more numbers than this (prose has a handful) make it a table or a list, in windows.
const LONG_NUMBERS = 200;
const WINDOW_CHARS = LONG_CHARS / 10;
const WINDOW_FIGURES = LONG_FIGURES / 10;
// Runs of digits or letters: each figure starts at one of these (a number or a word that can start one),
// so counting those bounds the figures.
const NUMBER_OR_WORD = /\d+|[A-Za-z]+/g;
const startsFigureRun = (run: string) => /\d/.test(run[0]) || startsFigure(run.toLowerCase());
// A number with its separators ("1,500", "2024-01-01", "3.5") counts once, as a word does; a comma
// not followed by three digits separates two numbers ("12,5" in a CSV row).
const NUMBER = /\d+(?:(?:,\d{3}(?!\d)|[.:/-]\d+))*/g;
const WORD = /\p{L}+/gu;
const countOf = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

function push(block: string, from: number, to: number, offset: number, out: Sentence[]): void {
  if (!tooLong(block, from, to)) return pushTrimmed(block, from, to, offset, out);
  let start = from;
  let figures = 0;
  NUMBER_OR_WORD.lastIndex = from;
  for (let m = NUMBER_OR_WORD.exec(block); m && m.index < to; m = NUMBER_OR_WORD.exec(block)) {
    if (startsFigureRun(m[0])) figures++;
    const end = Math.min(m.index + m[0].length, to);
    if (figures <= WINDOW_FIGURES && end - start <= WINDOW_CHARS) continue;
    // Cut before the run that overflows, at the best break in the window's second half; a single run
    // longer than a window is cut inside.
    const cut = m.index > start ? windowEnd(block, start, m.index) : Math.min(start + WINDOW_CHARS, end);
    pushWindow(block, start, cut, offset, out);
    start = cut;
    figures = 0;
    NUMBER_OR_WORD.lastIndex = cut;
  }
  pushWindow(block, start, to, offset, out);
}

function pushWindow(block: string, from: number, to: number, offset: number, out: Sentence[]): void {
  const text = block.slice(from, to);
  const words = countOf(WORD, text);
  if (words > 0 && words >= countOf(NUMBER, text)) pushTrimmed(block, from, to, offset, out);
}

/** Whether block[from, to) is over the limits of one sentence. */
function tooLong(block: string, from: number, to: number): boolean {
  if (to - from > LONG_CHARS) return true;
  if (countOf(NUMBER, block.slice(from, to)) > LONG_NUMBERS) return true;
  // Each figure takes at least two characters ("1 2 3…"), so a short sentence cannot hold too many.
  if (to - from <= LONG_FIGURES * 2) return false;
  let figures = 0;
  NUMBER_OR_WORD.lastIndex = from;
  for (let m = NUMBER_OR_WORD.exec(block); m && m.index < to; m = NUMBER_OR_WORD.exec(block)) if (startsFigureRun(m[0]) && ++figures > LONG_FIGURES) return true;
  return false;
}

/** Where a window from `start` that must end by `limit` ends: a line break, else a clause mark, else a space. */
function windowEnd(block: string, start: number, limit: number): number {
  const half = start + Math.floor((limit - start) / 2);
  for (const marks of ['\n', ';,', ' \t']) {
    for (let i = limit - 1; i >= half; i--) if (marks.includes(block[i])) return i + 1;
  }
  return limit;
}

function pushTrimmed(block: string, from: number, to: number, offset: number, out: Sentence[]): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(block[s])) s++;
  while (e > s && /\s/.test(block[e - 1])) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e, text: block.slice(s, e) });
}
