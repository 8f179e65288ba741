import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import { PARSER_RULES } from '../../../server/src/core/parserFindings';
import { DOCUMENT_RULES, SCOPE_RULES } from '../../../server/src/core/rules';
import type { AnalysisOptions } from '../../../server/src/core/model/analysisOptions';

/**
 * docs/rules holds one page per rule id (layout in docs/rules/README.md). This keeps the pages
 * complete, in step with the registry, and true: every page's wrong example must report its rule
 * and the corrected one must not.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const PAGES_DIR = join(ROOT, 'docs', 'rules');
const SECTIONS = ['## Why it matters', '## Example', '## How to fix', '## Source'];

const RULES = new Map<string, string>(
  [...SCOPE_RULES, ...DOCUMENT_RULES, ...PARSER_RULES].map((rule) => [rule.id, rule.severity]),
);

/**
 * Pages whose corrected example shows the right shape although the rule still reports it: the
 * test asserts the rule *does* fire on them, so it fails (and the entry must go) once the rule is fixed.
 */
const KNOWN_FALSE_POSITIVES = new Map<string, string>();

interface Example {
  kind: 'bad' | 'good';
  file: string;
  options: AnalysisOptions;
  text: string;
}

interface Page {
  id: string;
  lines: string[];
  examples: Example[];
  quickFixes: string[];
}

function parseFenceInfo(info: string): Omit<Example, 'text'> | undefined {
  const words = info.trim().split(/\s+/).slice(1);
  const kind = words[0];
  if (kind !== 'bad' && kind !== 'good') return undefined;
  const options: AnalysisOptions = {};
  let file = '';
  for (const word of words.slice(1)) {
    const [key, value = ''] = word.split('=');
    if (key === 'file') file = value;
    else if (key === 'stack') options.stackVersion = value;
    else if (key === 'keystore') options.keystoreCredentialAliases = value.split(',').filter(Boolean);
    else throw new Error(`unknown fence attribute "${word}"`);
  }
  return { kind, file, options };
}

function readPage(id: string): Page {
  const lines = readFileSync(join(PAGES_DIR, `${id}.md`), 'utf8').split(/\r?\n/);
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S.*)$/.exec(lines[i]);
    if (!open) continue;
    const close = lines.indexOf('```', i + 1);
    assert.ok(close > i, `${id}.md: code block on line ${i + 1} is not closed`);
    const info = parseFenceInfo(open[1]);
    if (info) examples.push({ ...info, text: lines.slice(i + 1, close).join('\n') + '\n' });
    i = close;
  }
  const quickFixes = lines
    .filter((line) => line.startsWith('Quick fix: '))
    .flatMap((line) => [...line.matchAll(/"([^"]+)"/g)].map((match) => match[1]));
  return { id, lines, examples, quickFixes };
}

function findingsOf(example: Example, ruleId: string) {
  const document = parseConfigDocument({ uri: example.file, text: example.text });
  return analyze(document, example.options).findings.filter((finding) => finding.ruleId === ruleId);
}

const pageIds = readdirSync(PAGES_DIR)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .map((name) => name.slice(0, -'.md'.length))
  .sort();

describe('rule pages (docs/rules)', () => {
  test('has a page for every rule the analysis can report', () => {
    const missing = [...RULES.keys()].filter((id) => !pageIds.includes(id));
    assert.deepEqual(missing, [], `rules without a page in docs/rules: ${missing.join(', ')} (template in docs/rules/README.md)`);
  });

  test('has no page for a rule that does not exist', () => {
    assert.deepEqual(
      pageIds.filter((id) => !RULES.has(id)),
      [],
    );
  });

  for (const id of pageIds.filter((page) => RULES.has(page))) {
    describe(id, () => {
      const page = readPage(id);

      test('follows the page layout', () => {
        assert.equal(page.lines[0], `# ${id}`);
        assert.match(page.lines[2] ?? '', /^\S.*\S$/, 'line 3 must be the one-line summary');
        const severity = page.lines.find((line) => line.startsWith('Severity: '));
        assert.equal(severity, `Severity: ${RULES.get(id)}`, "the page must state the rule's default severity");
        assert.ok(
          page.lines.some((line) => /^Applies to: \S/.test(line)),
          'missing "Applies to:" line',
        );
        const headings = page.lines.filter((line) => line.startsWith('## '));
        assert.deepEqual(headings, SECTIONS);
        for (const heading of SECTIONS) {
          const at = page.lines.indexOf(heading);
          const next = page.lines.slice(at + 1).findIndex((line) => line.startsWith('## '));
          const body = page.lines.slice(at + 1, next < 0 ? undefined : at + 1 + next).join('\n');
          assert.match(body, /\S/, `${heading} is empty`);
        }
        assert.deepEqual(
          page.examples.map((example) => example.kind),
          ['bad', 'good'],
          'needs one `bad` and then one `good` example',
        );
        for (const example of page.examples) assert.ok(example.file, 'every example needs file=<name>');
      });

      test('its wrong example reports the rule, with the quick fixes the page names', () => {
        const bad = page.examples.find((example) => example.kind === 'bad');
        assert.ok(bad);
        const findings = findingsOf(bad, id);
        assert.ok(findings.length > 0, `the bad example does not report ${id}`);
        const offered = new Set(findings.flatMap((finding) => (finding.fixes ?? []).map((fix) => fix.title)));
        for (const title of page.quickFixes)
          assert.ok(offered.has(title), `quick fix "${title}" is not offered; offered: ${[...offered].join(' | ') || 'none'}`);
      });

      test('its corrected example does not report the rule', () => {
        const good = page.examples.find((example) => example.kind === 'good');
        assert.ok(good);
        const known = KNOWN_FALSE_POSITIVES.get(id);
        const findings = findingsOf(good, id);
        if (known) {
          assert.ok(findings.length > 0, `${id} no longer fires on the corrected example: remove it from KNOWN_FALSE_POSITIVES`);
          return;
        }
        assert.deepEqual(
          findings.map((finding) => finding.message),
          [],
          'the corrected example still reports the rule',
        );
      });
    });
  }

  test('holds no private key material', () => {
    for (const name of readdirSync(PAGES_DIR)) {
      assert.doesNotMatch(readFileSync(join(PAGES_DIR, name), 'utf8'), /PRIVATE KEY/, `${name} contains a private key`);
    }
  });

  test('keeps the index in docs/rules/README.md up to date', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rule-docs-index.mjs'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });
});
