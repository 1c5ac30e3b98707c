// File paths ⇄ the URIs LSP speaks. Only `file:` documents have a path (untitled drafts do not).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** URIs already made: diagnostics ask for the same few corpus files thousands of times. */
const made = new Map<string, string>();

/** A file URI for a path. Parentheses are encoded too, so it is safe as a Markdown link destination. */
export function fileUri(file: string): string {
  let uri = made.get(file);
  if (uri === undefined) {
    uri = pathToFileURL(path.resolve(file)).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    if (made.size > 10_000) made.clear();
    made.set(file, uri);
  }
  return uri;
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
