import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { mentionPattern } from '../../server/src/engine/mentions';
import { bundledTopic } from '../bundledTopic';

// Every regular expression in the engine runs on user text, so none may backtrack more than linearly.
// The regexes are read from the source itself, so a new one is audited the day it is written. Each runs
// on long strings built from its own characters and words, the shapes that make a backtracking regex
// try every split of a run ("!!!…", "[^[^…", a long run of spaces before a character that fails).

const ENGINE = join(__dirname, '../../server/src/engine');
// Each string is first tried at 2,000 characters; one that takes over a millisecond there is tried again
// at 20,000, where a linear scan still takes a few milliseconds and a quadratic one a second or more.
const SCREEN = 2_000;
const LENGTH = 20_000;
const SCREEN_MS = 1;
const BOUND_MS = 150;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every regex literal in the engine, named by file and line. */
function engineRegexes(): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = [];
  for (const file of sources(ENGINE)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        const text = node.text;
        const slash = text.lastIndexOf('/');
        out.push({ where: `${relative(ENGINE, file)}:${line + 1}`, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Every pattern a compiled topic holds, named by where it sits in it. */
function topicRegexes(topic: object): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = [];
  const visit = (value: unknown, path: string) => {
    if (value instanceof RegExp) out.push({ where: `bundled topic ${path}`, re: value });
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set)) for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  visit(topic, 'topic');
  return out;
}

/**
 * Long strings shaped by the regex, `length` characters or so: each of its characters, pairs of
 * characters ("[^") and words repeated, alone or spaced, then a character that fails; or framed by a
 * letter and a digit.
 */
function adversarialInputs(re: RegExp): ((length: number) => string)[] {
  const literal = re.source.replace(/\\[dswbDSWB]/g, ' ').replace(/\\(.)/g, '$1');
  const chars = new Set([...literal].filter((c) => c >= ' ' || c === '\n'));
  for (const c of ' \n\ta1A.,') chars.add(c);
  const pairs = new Set([...literal].slice(1).map((c, i) => literal[i] + c));
  const words = new Set(literal.match(/[A-Za-z]{2,}/g) ?? []);
  const units = [...chars, ...pairs, ...[...chars].map((c) => `${c} `), ...[...words].map((w) => `${w} `), ...[...words].map((w) => `${w}'s `)];
  return units.flatMap((u) => {
    const run = (length: number) => u.repeat(Math.ceil(length / u.length)).slice(0, length);
    return [(length: number) => `${run(length)}\u0001`, (length: number) => `a${run(length)}1`];
  });
}

/** Milliseconds a regex takes the way the engine runs it: every match of a global one, one test of any other. */
function timeOf(re: RegExp, text: string): number {
  const start = performance.now();
  if (!re.global && !re.sticky) re.test(text);
  else {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!m[0].length) re.lastIndex++;
  }
  return performance.now() - start;
}

describe('regex audit', () => {
  const regexes = [...engineRegexes(), { where: 'mentions.ts, built from the bundled topic', re: mentionPattern(bundledTopic) }, ...topicRegexes(bundledTopic)];
  it('finds the engine regexes in the source', () => assert.ok(regexes.length > 100, `only ${regexes.length}`));
  it(`runs each on adversarial strings of ${LENGTH.toLocaleString('en')} characters in linear time`, function () {
    this.timeout(300_000);
    const slow: string[] = [];
    for (const { where, re } of regexes) {
      for (const input of adversarialInputs(re)) {
        if (timeOf(re, input(SCREEN)) <= SCREEN_MS) continue;
        const text = input(LENGTH);
        const ms = timeOf(re, text);
        if (ms > BOUND_MS) slow.push(`${where} ${re}: ${Math.round(ms)} ms on ${JSON.stringify(text.slice(0, 12))}…`);
      }
    }
    assert.ok(!slow.length, `${slow.length} slow:\n${slow.join('\n')}`);
  });
});
