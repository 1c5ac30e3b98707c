// The CLI's core, without any printing: find the drafts, resolve each one's configuration, check it
// with an engine built once per distinct corpus setting, apply suppression comments, and (for --fix
// and --fix-dry-run) work out the fixed text and check that instead.
import * as path from 'node:path';
import { ConfigError, engineOptions, formatOf, type FactlintConfig, type ResolvedConfig, type Severity } from '../config';
import { Engine, FactlintError, LineIndex, type CorpusDocument, type DocumentFormat, type Finding } from '../engine';
import { applyFixes } from '../engine/fixes';
import { applySuppressions, type SuppressionDirective } from '../engine/suppress';
import { CliConfigs } from './configs';
import { GitignoreRules } from './gitignore';
import { collectDrafts, relativeToCwd, type InputProblem } from './inputs';
import { draftSelection } from './selection';
import { readStdin, readTextFile, type TextEncoding } from '../engine/readText';
import { isInside, isReallyInside } from '../engine/realPath';
import { PgStore, StoreError } from '../store/pgStore';

export interface LintOptions {
  inputs: string[];
  /** The name of the draft read from standard input (`-`). */
  stdinFilename?: string;
  cwd: string;
  /** Config keys from flags, above the config file. */
  overrides: FactlintConfig;
  /** The one config file to use (-c) instead of looking for them. */
  configFile?: string;
  /** Apply Git's ignore files to folders and globs (false with --no-gitignore). */
  gitignore?: boolean;
  /** A path, folder or glob that yields no draft is an error (true unless --no-error-on-unmatched-pattern). */
  errorOnUnmatched?: boolean;
  /** Drafts and corpus documents larger than this are not read. */
  maxFileBytes?: number;
  /** Config files may name corpus folders outside their repository (--allow-outside-corpus). */
  allowOutsideCorpus?: boolean;
  /** Read disable comments (false: --no-inline-config). Default true. */
  inlineConfig?: boolean;
  /** Apply each mismatch's single replacement to the text in memory, and report the fixed text. */
  fix?: boolean;
  /** Where the corpus index is kept between runs; none when undefined. */
  cacheDir?: string;
  /** Called after each draft, for progress. */
  onProgress?: (done: number, total: number) => void;
  /** Called after each corpus document is indexed, for progress. */
  onIndexProgress?: (done: number, total: number) => void;
}

export interface ReportedFinding extends Finding {
  severity: Severity;
}

export interface FileResult {
  /** Absolute path. */
  file: string;
  /** Path to show and to put in reports. */
  path: string;
  format: DocumentFormat;
  /** The draft's text, for the HTML report. */
  text: string;
  lines: LineIndex;
  /** Findings and positions are in the fixed text when `fix` is set. */
  findings: ReportedFinding[];
  unusedDisables: SuppressionDirective[];
  /** Set when fixes changed the draft. */
  fix?: DraftFix;
}

export interface DraftFix {
  /** The draft as read, and as fixed. */
  original: string;
  output: string;
  /** Figures replaced. */
  count: number;
  /** The draft's encoding, which the fixed text is written in. */
  encoding: TextEncoding;
  /** Whether the fixed text is on disk yet. */
  written: boolean;
}

export interface LintResult {
  /** The working directory paths are shown relative to. */
  cwd: string;
  files: FileResult[];
  /** Inputs, config files, corpus folders or drafts that could not be used. */
  problems: InputProblem[];
  /** Every corpus document used, once. */
  corpus: CorpusDocument[];
}

/**
 * Checks the drafts. Throws the ConfigError of a `-c` file that cannot be used, before checking
 * anything, and the StoreError of a fact store that cannot be used.
 */
export async function lintDrafts(options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const configs = new CliConfigs(cwd, options.overrides, options.configFile);
  const gitignore = new GitignoreRules();
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  const problem = (p: InputProblem) => {
    const key = `${p.path}\0${p.message}`;
    if (!reported.has(key)) problems.push(p);
    reported.add(key);
  };

  // A broken config file lets everything through: it is reported when a draft under it is checked.
  const configOf = (p: string): ResolvedConfig | undefined => {
    try {
      return configs.forFile(p);
    } catch (e) {
      if (e instanceof ConfigError) return undefined;
      throw e;
    }
  };

  const { drafts, problems: inputProblems } = collectDrafts(options.inputs, {
    cwd,
    ...draftSelection(configOf, options.gitignore === false ? undefined : gitignore),
    stdinFilename: options.stdinFilename,
    errorOnUnmatched: options.errorOnUnmatched ?? true,
  });
  for (const p of inputProblems) problems.push(p);

  // A config file (one in a stranger's pull request, say) may only name corpus folders inside its own
  // repository, and their files may not link out of them, unless the user allows more on the command line.
  const boundaryOf = (source: string): string => {
    const dir = path.dirname(source);
    const root = gitignore.repositoryRoot(dir);
    if (path.dirname(root) !== root) return root;
    // Outside any repository: the working directory, or the config file's folder when that is not in it.
    return isInside(source, cwd) ? cwd : dir;
  };
  const confined = (config: ResolvedConfig): boolean => !options.allowOutsideCorpus && !options.overrides.corpus && config.corpusSources.size > 0;
  const engines = new Map<string, Engine | null>();
  const engineFor = (config: ResolvedConfig): Engine | null => {
    const load = { ...engineOptions(config), maxFileBytes: options.maxFileBytes, confineCorpus: confined(config), cacheDir: options.cacheDir };
    const key = JSON.stringify(load);
    let engine = engines.get(key);
    if (engine === undefined) {
      // Name where the corpus folders came from: flags replace the config files' lists.
      const sources = [...new Set(config.corpusSources.values())];
      const from = options.overrides.corpus || !sources.length ? 'command line' : sources.map((s) => relativeToCwd(s, cwd)).join(', ');
      const outside = load.confineCorpus
        ? config.corpusDirs.flatMap((dir) => {
            const source = config.corpusSources.get(dir);
            const boundary = source && boundaryOf(source);
            return boundary && !isReallyInside(dir, boundary) ? [{ dir, source, boundary }] : [];
          })
        : [];
      if (outside.length) {
        const { source, boundary } = outside[0];
        const folders = outside.filter((o) => o.source === source).map((o) => relativeToCwd(o.dir, cwd)).join(', ');
        problem({ path: relativeToCwd(source, cwd), message: `corpus folder ${folders} is outside this config file's repository (${relativeToCwd(boundary, cwd)}); not read (pass --allow-outside-corpus to allow it)` });
        engine = null;
      } else
        try {
          engine = Engine.load({ ...load, onIndexProgress: options.onIndexProgress });
        } catch (e) {
          if (!(e instanceof FactlintError)) throw e;
          problem({ path: from, message: e.message });
          engine = null;
        }
      engines.set(key, engine);
    }
    return engine;
  };

  const stores = new Map<string, PgStore>();
  const storeFor = (url: string) => {
    let store = stores.get(url);
    if (!store) stores.set(url, (store = new PgStore(url)));
    return store;
  };

  const files: FileResult[] = [];
  const corpus = new Map<string, CorpusDocument>();
  try {
    for (const [i, draft] of drafts.entries()) await checkDraft(draft, i);
  } finally {
    await Promise.all([...stores.values()].map((s) => s.close()));
  }
  return { cwd, files, problems, corpus: [...corpus.values()] };

  async function checkDraft(draft: (typeof drafts)[number], i: number): Promise<void> {
    const display = draft.display;
    try {
      const config = configs.forFile(draft.file);
      const engine = engineFor(config);
      if (!engine) return;
      const read = draft.stdin ? readStdin(options.maxFileBytes) : readTextFile(draft.file, options.maxFileBytes);
      if ('problem' in read) return problem({ path: display, message: read.problem + (read.tooLarge ? ' (raise the limit with --max-file-size)' : '') });
      for (const doc of engine.documents) corpus.set(doc.path, doc);
      // Standard input without a name is read as Markdown, the format most drafts are in.
      const format = draft.stdin && options.stdinFilename === undefined ? 'markdown' : formatOf(draft.file);
      const store = config.store ? storeFor(config.store) : undefined;
      const check = async (text: string) => {
        const found = store ? await engine.checkWithStore(text, { format }, store) : engine.check(text, { format });
        const checked = options.inlineConfig === false ? { findings: found, unusedDisables: [] } : applySuppressions(text, found, format);
        return { ...checked, findings: checked.findings.map((f) => ({ ...f, severity: config.severity[f.verdict] })) };
      };
      let text = read.text;
      let checked = await check(text);
      let fix: DraftFix | undefined;
      if (options.fix) {
        const fixed = applyFixes(text, checked.findings.filter((f) => f.severity !== 'off'));
        // What is reported is the fixed draft, checked again: a replaced figure is now supported.
        if (fixed.fixed) {
          fix = { original: text, output: fixed.text, count: fixed.fixed, encoding: read.encoding, written: false };
          text = fixed.text;
          checked = await check(text);
        }
      }
      files.push({ file: draft.file, path: display, format, text, lines: new LineIndex(text), findings: checked.findings, unusedDisables: checked.unusedDisables, ...(fix ? { fix } : {}) });
    } catch (e) {
      // A store that cannot be used fails the whole run, once.
      if (e instanceof StoreError) throw e;
      if (e instanceof ConfigError) problem({ path: relativeToCwd(e.file, cwd), message: e.problem });
      else problem({ path: display, message: `could not be checked: ${(e as Error).message}` });
    } finally {
      options.onProgress?.(i + 1, drafts.length);
    }
  }
}
