/**
 * Command-line checker: the same analysis core as the language server, for CI and terminals.
 * Usage: es-remote-check [--stack-version X.Y.Z] <file or folder>...
 * Prints `path:line:col severity rule-id message` and exits 1 when any error is found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../core/analyze';
import { formatOf, parseConfigDocument } from '../core/model/document';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

function collectFiles(target: string, into: string[]): void {
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (SKIP_DIRS.has(entry)) continue;
      collectFiles(join(target, entry), into);
    }
  } else if (formatOf(target)) {
    into.push(target);
  }
}

function main(argv: string[]): number {
  let stackVersion: string | undefined;
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--stack-version') stackVersion = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('Usage: es-remote-check [--stack-version X.Y.Z] <file or folder>...\n');
      return 0;
    } else targets.push(argv[i]);
  }
  if (targets.length === 0) targets.push('.');
  const files: string[] = [];
  for (const target of targets) {
    try {
      collectFiles(target, files);
    } catch (error) {
      process.stderr.write(`es-remote-check: cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
      return 2;
    }
  }
  let errors = 0;
  let warnings = 0;
  let checked = 0;
  for (const file of files) {
    const document = parseConfigDocument({ uri: file, text: readFileSync(file, 'utf8') });
    if (document.kind === 'unrelated') continue;
    checked++;
    for (const finding of analyze(document, { stackVersion }).findings) {
      const { line, character } = document.lines.positionAt(finding.span.start);
      process.stdout.write(`${relative(process.cwd(), file) || file}:${line + 1}:${character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}\n`);
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  process.stdout.write(`${checked} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
