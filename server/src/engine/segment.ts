// Text segmentation: Markdown or plain text → sentences of prose with exact offsets.
// Markdown is parsed with micromark/mdast so code, HTML, URLs and front matter never reach the
// figure grammar. Each sentence's text is the source with non-prose characters blanked to spaces,
// so offsets inside a sentence are offsets into the source.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { DocumentFormat, Sentence } from './types';

interface Span {
  start: number;
  end: number;
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Block-level nodes whose text forms sentences; a sentence never crosses their edges. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes whose own text is prose. Everything else (code, html, images, URLs) is skipped. */
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Sentences of prose in a document. */
export function segment(text: string, format: DocumentFormat): Sentence[] {
  const blocks = format === 'markdown' ? markdownBlocks(text) : plainBlocks(text);
  const out: Sentence[] = [];
  for (const block of blocks) splitSentences(block.text, block.start, out);
  return out;
}

interface Block {
  start: number;
  text: string;
}

/** Plain text: every non-empty line is a block (headlines and bylines carry no full stop). */
function plainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ start: m.index, text: m[0] });
  return blocks;
}

function markdownBlocks(text: string): Block[] {
  let tree: MdNode;
  try {
    tree = fromMarkdown(text, {
      extensions: [gfm(), frontmatter(['yaml', 'toml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
    }) as MdNode;
  } catch {
    // micromark accepts any string; this guards against the unforeseen rather than losing the draft.
    return plainBlocks(text);
  }
  const blocks: Block[] = [];
  const visit = (node: MdNode) => {
    if (BLOCKS.has(node.type)) {
      const spans: Span[] = [];
      collectText(node, spans);
      const block = maskBlock(text, node, spans);
      if (block) blocks.push(block);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return blocks;
}

function collectText(node: MdNode, spans: Span[]): void {
  for (const child of node.children ?? []) {
    if (child.type === 'text') {
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      if (s !== undefined && e !== undefined) spans.push({ start: s, end: e });
    } else if (child.type === 'link' && isAutolink(child)) {
      continue;
    } else if (INLINE_CONTAINERS.has(child.type)) {
      collectText(child, spans);
    }
  }
}

/** An autolink (<https://…> or a bare www./https:// URL) shows its URL as its text. */
function isAutolink(link: MdNode): boolean {
  const only = link.children?.length === 1 ? link.children[0] : undefined;
  if (!only || only.type !== 'text' || !link.url) return false;
  const t = only.value ?? '';
  return link.url === t || link.url.endsWith(t) || link.url === `mailto:${t}`;
}

function maskBlock(text: string, node: MdNode, spans: Span[]): Block | undefined {
  if (!spans.length) return undefined;
  const start = spans[0].start;
  const end = spans[spans.length - 1].end;
  const chars = new Array<string>(end - start).fill(' ');
  for (const span of spans) for (let i = span.start; i < span.end; i++) chars[i - start] = text[i];
  let masked = chars.join('');
  if (node.type === 'heading') {
    // "## 2. Deployment" or "3.1 Losses": the numbering is structure, not a claim.
    masked = masked.replace(/^(\s*)(\d+(?:\.\d+)*\.?)(?=\s)/, (_m, lead: string, num: string) => lead + ' '.repeat(num.length));
  }
  return { start, text: masked };
}

// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'sen', 'rep', 'gov', 'pres',
    'no', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'prof', 'fig', 'vol', 'pp',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e',
  ],
);

function splitSentences(block: string, offset: number, out: Sentence[]): void {
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])/g;
  let from = 0;
  for (let m = boundary.exec(block); m; m = boundary.exec(block)) {
    const stop = m.index;
    if (block[stop] === '.' && !endsSentence(block, stop)) continue;
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
