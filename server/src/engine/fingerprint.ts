// Which engine wrote a persisted index (indexCache.ts): facts read by one engine are never used by
// another. The bundle's build (scripts/build.mjs) hashes the engine's sources, the frame model and
// the English table into FACTLINT_ENGINE_HASH; run from source (tests), the frame model stands in.
import { createHash } from 'node:crypto';
import MODEL from './frames/frameModel.json';

declare const FACTLINT_ENGINE_HASH: string | undefined;

/** Bumped when the cache's layout changes. */
const CACHE_FORMAT = 1;

let fingerprint: string | undefined;

export function engineFingerprint(): string {
  const build = typeof FACTLINT_ENGINE_HASH === 'string' ? FACTLINT_ENGINE_HASH : `source:${createHash('sha256').update(JSON.stringify(MODEL)).digest('hex')}`;
  // Node's serializer may change between V8 versions too.
  return (fingerprint ??= `${CACHE_FORMAT}|${build}|${process.versions.v8}`);
}
