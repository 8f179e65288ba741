/**
 * Command-line checker: the same analysis core as the language server, for CI and terminals.
 * Exit codes: 0 no errors, 1 errors found (or a named file not recognised, on request), 2 bad usage or nothing could be read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkPaths, guessStdinName, type StdinInput } from './check';
import { formatJson, formatSarif, formatText, OUTPUT_FORMATS, TOOL_NAME, type OutputFormat } from './format';
import { errorText, parseVersion } from '#core';

declare const __EXTENSION_VERSION__: string | undefined;
const VERSION = typeof __EXTENSION_VERSION__ === 'string' ? __EXTENSION_VERSION__ : '0.0.0-dev';

const USAGE = `Usage: ${TOOL_NAME} [options] [file or folder ...]

Checks elasticsearch.yml files, ECK manifests, API bodies (JSON) and Console request files for
remote-cluster mistakes. Folders are searched recursively (node_modules and dot-folders skipped;
symbolic links followed only within the given folders); other YAML/JSON files found in folders
are skipped silently, but a file named on the command line that is skipped is listed with the
reason. With no path, the current folder is checked. A path of - reads standard input.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --stack-version X.Y.Z      Elasticsearch version to assume when a file does not say
                             (pre-release and build suffixes such as 8.15.0-SNAPSHOT accepted)
  --keystore-aliases a,b     aliases whose credentials are in the keystore (API-key model)
  --stdin-filename NAME      file name the text read from - is checked as (default: guessed from
                             the text: stdin.json, stdin.es or elasticsearch.yml)
  --fail-on-unrecognized     exit 1 when a file named on the command line was not recognised
                             (for CI, so a misnamed file is not silently left unchecked)
  --help                     show this help
  --version                  show the version

Exit status: 0 no errors, 1 errors found (or, with --fail-on-unrecognized, a named file skipped),
2 usage error or nothing readable.
`;

interface Options {
  format: OutputFormat;
  output?: string;
  stackVersion?: string;
  keystoreAliases?: string[];
  stdinFilename?: string;
  failOnUnrecognized?: boolean;
  targets: string[];
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { format: 'text', targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      switch (flag) {
        case '--format': {
          const format = value();
          if (!OUTPUT_FORMATS.includes(format as OutputFormat))
            return `unknown format "${format}"; choose ${OUTPUT_FORMATS.join(', ')}`;
          options.format = format as OutputFormat;
          break;
        }
        case '--output':
        case '-o':
          options.output = value();
          break;
        case '--stack-version':
          options.stackVersion = value();
          if (!parseVersion(options.stackVersion))
            return `--stack-version wants X.Y or X.Y.Z (a suffix such as -rc1 or -SNAPSHOT is fine), got "${options.stackVersion}"`;
          break;
        case '--keystore-aliases':
          options.keystoreAliases = value()
            .split(',')
            .map((alias) => alias.trim())
            .filter(Boolean);
          break;
        case '--stdin-filename':
          options.stdinFilename = value();
          break;
        case '--fail-on-unrecognized':
          if (inline !== undefined) return `${flag} takes no value`;
          options.failOnUnrecognized = true;
          break;
        default:
          if (flag.startsWith('-') && flag !== '-') return `unknown option ${flag}`;
          options.targets.push(arg);
      }
    } catch (error) {
      return errorText(error);
    }
  }
  if (options.targets.length === 0) options.targets.push('.');
  return options;
}

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${TOOL_NAME}: ${options}\n\n${USAGE}`);
    return 2;
  }
  let stdin: StdinInput | undefined;
  if (options.targets.includes('-')) {
    let text: string;
    try {
      text = readFileSync(0, 'utf8');
    } catch (error) {
      process.stderr.write(`${TOOL_NAME}: cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
      return 2;
    }
    stdin = { text, name: options.stdinFilename ?? guessStdinName(text) };
  }
  const result = checkPaths(
    options.targets,
    { stackVersion: options.stackVersion, keystoreCredentialAliases: options.keystoreAliases },
    stdin,
  );
  const report =
    options.format === 'json'
      ? formatJson(result)
      : options.format === 'sarif'
        ? formatSarif(result, VERSION)
        : formatText(result);
  if (options.output) {
    try {
      writeFileSync(options.output, report);
    } catch (error) {
      process.stderr.write(`${TOOL_NAME}: cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
      return 2;
    }
    if (options.format !== 'text') process.stdout.write(formatText(result).split('\n').filter(Boolean).pop() + '\n');
  } else {
    process.stdout.write(report);
  }
  if (result.files.length === 0 && result.unreadable.length > 0) return 2;
  if (options.failOnUnrecognized && result.unrecognized.length > 0) return 1;
  return result.counts.error > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
