/**
 * The checker behind the command line: finds the files we understand under the given paths,
 * analyses each with the same core as the language server, and returns plain results that the
 * formatters print. No printing and no process handling here, so tests call it directly.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  type AnalysisOptions,
  analyze,
  type ConfigDocument,
  type EckWorkspaceSummary,
  EMPTY_SUMMARY,
  errorText,
  formatOf,
  mergeSummaries,
  parseConfigDocument,
  type Severity,
  summarizeManifest,
  summarizeYamlText,
} from '#core';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'dist-vsix']);
/** Larger files are almost never configuration; reading them would only slow a CI job down. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface CheckedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, columns in UTF-16 code units (as editors and SARIF count them). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CheckedFile {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  kind: string;
  findings: CheckedFinding[];
}

export interface CheckResult {
  files: CheckedFile[];
  /** Files found but not ours (unrelated YAML/JSON); they are not listed in `files`. */
  skipped: number;
  /** Files named on the command line (or `-`) that were skipped as not ours, with the reason. */
  unrecognized: Array<{ path: string; reason: string }>;
  /** Paths that could not be read, with the reason; the run goes on without them. */
  unreadable: Array<{ path: string; reason: string }>;
  counts: Record<Severity, number>;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path) || path;
  return sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}

/**
 * Every file under `targets` whose name or extension we understand, in a stable order. Symbolic
 * links are followed only to files and folders inside the given targets, and every real file is
 * listed once, however many links lead to it (a link loop ends where it starts).
 */
export function collectFiles(targets: string[], unreadable: CheckResult['unreadable'] = []): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const roots: string[] = [];
  for (const target of targets) {
    try {
      roots.push(realpathSync(target));
    } catch {
      // Reported when visited.
    }
  }
  const insideRoots = (real: string) =>
    roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep));
  const visit = (target: string, explicit: boolean) => {
    let real: string;
    let stat;
    try {
      if (!explicit && lstatSync(target).isSymbolicLink()) {
        real = realpathSync(target);
        if (!insideRoots(real)) return; // never leave the folders we were asked to check
      } else {
        real = realpathSync(target);
      }
      stat = statSync(real);
    } catch (error) {
      unreadable.push({ path: target, reason: describeIoError(error) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(target).sort();
      } catch (error) {
        unreadable.push({ path: target, reason: describeIoError(error) });
        return;
      }
      for (const entry of entries) {
        if (SKIP_DIRS.has(entry) || entry.startsWith('.')) continue;
        visit(join(target, entry), false);
      }
    } else if (stat.isFile()) {
      if (explicit || formatOf(target)) files.push(target);
    } else if (explicit) {
      unreadable.push({ path: target, reason: 'not a regular file' });
    }
  };
  for (const target of targets) visit(target, true);
  return files;
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? errorText(error);
}

/** Where a target of `-` takes its text from, and the name it is checked under. */
export interface StdinInput {
  text: string;
  /** File name deciding the format (e.g. `elasticsearch.yml`, `x.cluster-settings.json`). */
  name: string;
}

/** The name a text read from standard input is checked under, unless the user gave one: JSON, Console or YAML by its first characters. */
export function guessStdinName(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'stdin.json';
  if (/^(GET|PUT|POST|DELETE|HEAD|PATCH)\s/i.test(start)) return 'stdin.es';
  return 'elasticsearch.yml';
}

export function checkPaths(targets: string[], options: AnalysisOptions = {}, stdin?: StdinInput): CheckResult {
  const unreadable: CheckResult['unreadable'] = [];
  const files = collectFiles(
    targets.filter((target) => target !== '-'),
    unreadable,
  );
  const result: CheckResult = {
    files: [],
    skipped: 0,
    unrecognized: [],
    unreadable,
    counts: { error: 0, warning: 0, info: 0, hint: 0 },
  };
  // A file found in a folder scan may be skipped quietly; one the user named deserves a reason.
  const named = new Set(targets);
  // Parse everything first: ECK checks look across files (a remote cluster's Elasticsearch or a
  // Secret defined elsewhere), as the editor does across the workspace.
  const parsed: Array<{ path: string; document: ConfigDocument; summary: EckWorkspaceSummary }> = [];
  const add = (path: string, uri: string, text: string) => {
    try {
      const document = parseConfigDocument({ uri, text });
      const summary = document.eck
        ? summarizeManifest(path, document.eck)
        : formatOf(uri) === 'yaml'
          ? summarizeYamlText(path, text)
          : EMPTY_SUMMARY;
      parsed.push({ path, document, summary });
    } catch (error) {
      // The parsers are error-tolerant; one file that still breaks them must not end the whole run.
      unreadable.push({ path, reason: cannotAnalyse(error) });
    }
  };
  if (stdin && targets.includes('-')) add('-', stdin.name, stdin.text);
  for (const file of files) {
    let text: string;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) {
        unreadable.push({ path: file, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` });
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch (error) {
      unreadable.push({ path: file, reason: describeIoError(error) });
      continue;
    }
    add(file, file, text);
  }
  for (const { path, document } of parsed) {
    if (document.kind === 'unrelated') {
      result.skipped++;
      if (named.has(path)) result.unrecognized.push({ path, reason: whyUnrecognized(document.uri) });
      continue;
    }
    const eckWorkspace =
      document.kind === 'eck-manifest'
        ? mergeSummaries(parsed.filter((other) => other.path !== path).map((other) => other.summary))
        : undefined;
    let checked: CheckedFile;
    try {
      checked = checkDocument(document, { ...options, eckWorkspace });
    } catch (error) {
      unreadable.push({ path, reason: cannotAnalyse(error) });
      continue;
    }
    if (path === '-') checked.path = '-';
    for (const finding of checked.findings) result.counts[finding.severity]++;
    result.files.push(checked);
  }
  return result;
}

/** Why a file was not taken for one of ours, by its format (the name decides the format). */
function whyUnrecognized(name: string): string {
  switch (formatOf(name)) {
    case 'yaml':
      return 'YAML without remote-cluster settings, an ECK Elasticsearch resource or a remote-cluster Secret (name it elasticsearch.yml to check it anyway)';
    case 'json':
      return 'JSON that is not a recognised API body (name it e.g. *.cluster-settings.json to say which API it is for)';
    case 'console':
      return 'Console file without requests the checker knows';
    default:
      return 'not a YAML, JSON or Console file by its name (.yml, .yaml, .json, .es, .console)';
  }
}

function cannotAnalyse(error: unknown): string {
  return `could not be analysed (internal error: ${error instanceof Error ? error.name : 'unknown'})`;
}

/** Analyses one file's text on its own; undefined when the file is not one of ours. */
export function checkText(path: string, text: string, options: AnalysisOptions = {}): CheckedFile | undefined {
  const document = parseConfigDocument({ uri: path, text });
  return document.kind === 'unrelated' ? undefined : checkDocument(document, options);
}

function checkDocument(document: ConfigDocument, options: AnalysisOptions): CheckedFile {
  const findings = analyze(document, options).findings.map((finding): CheckedFinding => {
    const start = document.lines.positionAt(finding.span.start);
    const end = document.lines.positionAt(finding.span.end);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    };
  });
  return { path: displayPath(document.uri), kind: document.kind, findings };
}
