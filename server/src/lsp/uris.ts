// File paths ⇄ the URIs LSP speaks. Only `file:` documents have a path (untitled drafts do not).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A file URI for a path. Parentheses are encoded too, so it is safe as a Markdown link destination. */
export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The path of a `file:` URI, or undefined for any other scheme. */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
