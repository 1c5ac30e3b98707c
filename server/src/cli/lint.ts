// The CLI's core, without any printing: find the drafts, resolve each one's configuration, check it
// with an engine built once per distinct corpus setting, apply suppression comments.
import * as path from 'node:path';
import { ConfigError, engineOptions, formatOf, isIgnoredByConfig, type FactlintConfig, type ResolvedConfig, type Severity } from '../config';
import { Engine, FactlintError, LineIndex, type CorpusDocument, type DocumentFormat, type Finding } from '../engine';
import { applySuppressions, type SuppressionDirective } from '../engine/suppress';
import { CliConfigs } from './configs';
import { GitignoreRules } from './gitignore';
import { collectDrafts, relativeToCwd, type InputProblem } from './inputs';
import { readStdin, readTextFile } from '../engine/readText';
import { isInside, isReallyInside } from '../engine/realPath';

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
  /** Called after each draft, for progress. */
  onProgress?: (done: number, total: number) => void;
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
  lines: LineIndex;
  findings: ReportedFinding[];
  unusedDisables: SuppressionDirective[];
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

/** Checks the drafts. Throws the ConfigError of a `-c` file that cannot be used, before checking anything. */
export function lintDrafts(options: LintOptions): LintResult {
  const { cwd } = options;
  const configs = new CliConfigs(cwd, options.overrides, options.configFile);
  const gitignore = new GitignoreRules();
  const useGitignore = options.gitignore ?? true;
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  const problem = (p: InputProblem) => {
    const key = `${p.path}\0${p.message}`;
    if (!reported.has(key)) problems.push(p);
    reported.add(key);
  };

  // Files and folders found by expansion pass Git's ignore files and the config's ignores (and
  // --ignore-pattern); files also its languages. A folder is judged by the config of the folder holding
  // it. A broken config file lets everything through: it is reported when a draft under it is checked.
  const configOf = (p: string): ResolvedConfig | undefined => {
    try {
      return configs.forFile(p);
    } catch (e) {
      if (e instanceof ConfigError) return undefined;
      throw e;
    }
  };
  const accept = (file: string): boolean => {
    if (useGitignore && gitignore.ignores(file)) return false;
    const config = configOf(file);
    return !config || (config.languages.includes(formatOf(file)) && !isIgnoredByConfig(config, file));
  };
  const skipDir = (dir: string): boolean => {
    if (useGitignore && gitignore.ignores(dir, true)) return true;
    const config = configOf(dir);
    return config !== undefined && isIgnoredByConfig(config, dir, true);
  };

  const { drafts, problems: inputProblems } = collectDrafts(options.inputs, {
    cwd,
    accept,
    skipDir,
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
    const load = { ...engineOptions(config), maxFileBytes: options.maxFileBytes, confineCorpus: confined(config) };
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
          engine = Engine.load(load);
        } catch (e) {
          if (!(e instanceof FactlintError)) throw e;
          problem({ path: from, message: e.message });
          engine = null;
        }
      engines.set(key, engine);
    }
    return engine;
  };

  const files: FileResult[] = [];
  const corpus = new Map<string, CorpusDocument>();
  drafts.forEach((draft, i) => {
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
      const checked = applySuppressions(read.text, engine.check(read.text, { format }), format);
      files.push({
        file: draft.file,
        path: display,
        format,
        lines: new LineIndex(read.text),
        findings: checked.findings.map((f) => ({ ...f, severity: config.severity[f.verdict] })),
        unusedDisables: checked.unusedDisables,
      });
    } catch (e) {
      if (e instanceof ConfigError) problem({ path: relativeToCwd(e.file, cwd), message: e.problem });
      else problem({ path: display, message: `could not be checked: ${(e as Error).message}` });
    } finally {
      options.onProgress?.(i + 1, drafts.length);
    }
  });
  return { cwd, files, problems, corpus: [...corpus.values()] };
}
