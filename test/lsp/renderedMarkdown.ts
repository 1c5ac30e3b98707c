// Hover Markdown as a renderer (GFM, with autolinks) reads it: its nodes and the text a user sees.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

export function renderedMarkdown(markdown: string): { nodes: MdNode[]; text: string } {
  const nodes: MdNode[] = [];
  const walk = (n: MdNode) => {
    nodes.push(n);
    n.children?.forEach(walk);
  };
  walk(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode);
  return { nodes, text: nodes.map((n) => (n.type === 'text' || n.type === 'inlineCode' ? n.value : '')).join('') };
}
