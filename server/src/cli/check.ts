/**
 * The checker behind the command line: finds the files we understand under the given paths,
 * analyses each with the same core as the language server, and returns plain results that the
 * formatters print. No printing and no process handling here, so tests call it directly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { analyze } from '../core/analyze';
import { EMPTY_SUMMARY, mergeSummaries, summarizeManifest, summarizeYamlText, type EckWorkspaceSummary } from '../core/eck/workspace';
import { formatOf, parseConfigDocument, type ConfigDocument } from '../core/model/document';
import type { AnalysisOptions } from '../core/rules/rule';
import type { Severity } from '../core/types';

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
  /** Paths that could not be read, with the reason; the run goes on without them. */
  unreadable: Array<{ path: string; reason: string }>;
  counts: Record<Severity, number>;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path) || path;
  return sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}

/** Every file under `targets` whose name or extension we understand, in a stable order. */
export function collectFiles(targets: string[], unreadable: CheckResult['unreadable'] = []): string[] {
  const files: string[] = [];
  const visit = (target: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(target);
    } catch (error) {
      unreadable.push({ path: target, reason: describeIoError(error) });
      return;
    }
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
    } else if (stat.isFile() && (explicit || formatOf(target))) {
      files.push(target);
    }
  };
  for (const target of targets) visit(target, true);
  return files;
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}

export function checkPaths(targets: string[], options: AnalysisOptions = {}): CheckResult {
  const unreadable: CheckResult['unreadable'] = [];
  const files = collectFiles(targets, unreadable);
  const result: CheckResult = { files: [], skipped: 0, unreadable, counts: { error: 0, warning: 0, info: 0, hint: 0 } };
  // Parse everything first: ECK checks look across files (a remote cluster's Elasticsearch or a
  // Secret defined elsewhere), as the editor does across the workspace.
  const parsed: Array<{ path: string; document: ConfigDocument; summary: EckWorkspaceSummary }> = [];
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
    const document = parseConfigDocument({ uri: file, text });
    const summary = document.eck ? summarizeManifest(file, document.eck) : formatOf(file) === 'yaml' ? summarizeYamlText(file, text) : EMPTY_SUMMARY;
    parsed.push({ path: file, document, summary });
  }
  for (const { path, document } of parsed) {
    if (document.kind === 'unrelated') {
      result.skipped++;
      continue;
    }
    const eckWorkspace =
      document.kind === 'eck-manifest' ? mergeSummaries(parsed.filter((other) => other.path !== path).map((other) => other.summary)) : undefined;
    const checked = checkDocument(document, { ...options, eckWorkspace });
    for (const finding of checked.findings) result.counts[finding.severity]++;
    result.files.push(checked);
  }
  return result;
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
