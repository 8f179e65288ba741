/**
 * Output formats of the command-line checker: `text` (one `path:line:col severity rule message`
 * line per finding), `json`, and SARIF 2.1.0 for code-scanning services.
 */
import { DOCUMENT_RULES, SCOPE_RULES, type Severity } from '#core';
import { RulePages } from '../rulePages';
import type { CheckResult } from './check';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export const TOOL_NAME = 'es-remote-check';
export const TOOL_URI = 'https://github.com/elastic-remote-clusters/vscode-elastic-remote-clusters';

/**
 * Text safe to print on one line of a terminal or CI log: control characters (line breaks,
 * escape sequences that recolour or retitle a terminal) are shown as `\u001b`-style escapes.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One output line. A line that starts with `::` is a workflow command to GitHub Actions (it can
 * fake an error annotation or change the job's environment), so a path that would start the line
 * that way is written as `./path`.
 */
function outputLine(path: string, rest: string): string {
  const shown = printable(path);
  return `${/^\s*::/.test(shown) || /^\s/.test(shown) ? `./${shown}` : shown}${printable(rest)}`;
}

export function formatText(result: CheckResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const f of file.findings)
      lines.push(outputLine(file.path, `:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`));
  }
  for (const problem of result.unrecognized) lines.push(outputLine(problem.path, `: skipped: ${problem.reason}`));
  for (const problem of result.unreadable) {
    lines.push(
      outputLine(
        problem.path,
        problem.reason.startsWith('could not be analysed') ? `: ${problem.reason}` : `: cannot read: ${problem.reason}`,
      ),
    );
  }
  const { error, warning, info, hint } = result.counts;
  lines.push(
    `${result.files.length} file(s) checked: ${error} error(s), ${warning} warning(s), ${info + hint} note(s)` +
      (result.skipped ? `; ${result.skipped} unrelated file(s) skipped` : ''),
  );
  return lines.join('\n') + '\n';
}

export function formatJson(result: CheckResult): string {
  return (
    JSON.stringify(
      {
        files: result.files,
        unreadable: result.unreadable,
        unrecognized: result.unrecognized,
        counts: result.counts,
        skipped: result.skipped,
      },
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** Rule ids the checker may report that are not registered rules. */
const BUILT_IN_RULES: Array<{ id: string; title: string; severity: Severity }> = [
  { id: 'yaml-syntax', title: 'The YAML does not parse.', severity: 'error' },
  { id: 'json-syntax', title: 'The JSON does not parse.', severity: 'error' },
];

/** `pages`: where the rule pages are (by default docs/rules beside the bundle); each rule links to its page and carries its text. */
export function formatSarif(result: CheckResult, toolVersion: string, pages: RulePages = new RulePages()): string {
  const known = [
    ...BUILT_IN_RULES,
    ...[...SCOPE_RULES, ...DOCUMENT_RULES].map((r) => ({ id: r.id, title: r.title, severity: r.severity })),
  ];
  const seen = new Set<string>();
  const rules = known.filter((rule) => !seen.has(rule.id) && seen.add(rule.id));
  // Findings from rules without metadata (should not happen) still get a descriptor.
  for (const file of result.files) {
    for (const f of file.findings) {
      if (!seen.has(f.ruleId)) {
        seen.add(f.ruleId);
        rules.push({ id: f.ruleId, title: f.ruleId, severity: f.severity });
      }
    }
  }
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion,
            informationUri: TOOL_URI,
            rules: rules.map((rule) => {
              const helpUri = pages.url(rule.id);
              const page = helpUri ? pages.markdown(rule.id) : undefined;
              return {
                id: rule.id,
                shortDescription: { text: rule.title },
                defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
                ...(helpUri ? { helpUri } : {}),
                // SARIF requires `text` in every message object; the Markdown is what viewers show.
                ...(page ? { help: { text: rule.title, markdown: page } } : {}),
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.files.flatMap((file) =>
          file.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(file.path) },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          })),
        ),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.unrecognized.map((problem) => ({
                level: 'warning',
                message: { text: `skipped ${problem.path}: ${problem.reason}` },
              })),
              ...result.unreadable.map((problem) => ({
                level: 'warning',
                message: { text: `cannot read ${problem.path}: ${problem.reason}` },
              })),
            ],
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
