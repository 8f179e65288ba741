import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { checkPaths, checkText } from '../../../server/src/cli/check';
import { formatJson, formatSarif, formatText } from '../../../server/src/cli/format';
import { RulePages } from '../../../server/src/rulePages';

const MISSPELT =
  'cluster.remote.west.mode: proxy\ncluster.remote.west.proxy_address: west.example.com:9443\ncluster.remote.west.sever_name: west.example.com\n';

describe('command-line checker core', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'erc-cli-'));
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, 'config', 'elasticsearch.yml'), MISSPELT);
    writeFileSync(join(root, 'config', 'values.yaml'), 'replicaCount: 2\n');
    writeFileSync(join(root, 'node_modules', 'pkg', 'elasticsearch.yml'), MISSPELT);
    writeFileSync(join(root, '.hidden', 'elasticsearch.yml'), MISSPELT);
    writeFileSync(join(root, 'README.md'), '# not configuration\n');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  test('reports a finding with 1-based line and column of the offending text', () => {
    const checked = checkText('elasticsearch.yml', MISSPELT);
    assert.ok(checked);
    const finding = checked.findings.find((f) => f.ruleId === 'unknown-setting');
    assert.ok(finding, JSON.stringify(checked.findings));
    assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [3, 21, 3, 31]);
    assert.equal(MISSPELT.split('\n')[2].slice(finding.column - 1, finding.endColumn - 1), 'sever_name');
  });

  test('searches folders, skips dependencies, dot-folders and unrelated files, and counts by severity', () => {
    const result = checkPaths([root]);
    assert.deepEqual(
      result.files.map((f) => f.path.slice(f.path.indexOf('config'))),
      ['config/elasticsearch.yml'],
    );
    assert.equal(result.skipped, 1, 'values.yaml is ours to skip');
    assert.deepEqual(result.unrecognized, [], 'a folder scan skips quietly');
    assert.ok(result.counts.error >= 1);
  });

  test('says why each file named on the command line was skipped', () => {
    const values = join(root, 'config', 'values.yaml');
    const readme = join(root, 'README.md');
    const result = checkPaths([values, readme, join(root, 'config', 'elasticsearch.yml')]);
    assert.equal(result.files.length, 1);
    assert.deepEqual(
      result.unrecognized.map((u) => u.path),
      [values, readme],
    );
    assert.match(result.unrecognized[0].reason, /YAML without remote-cluster settings/);
    assert.match(result.unrecognized[1].reason, /not a YAML, JSON or Console file/);
    const text = formatText(result);
    assert.match(text, /values\.yaml: skipped: YAML without remote-cluster settings/);
    assert.match(text, /README\.md: skipped: not a YAML, JSON or Console file/);
    assert.equal(JSON.parse(formatJson(result)).unrecognized.length, 2);
  });

  test('keeps going past paths it cannot read and says why', () => {
    const result = checkPaths([join(root, 'missing'), join(root, 'config')]);
    assert.deepEqual(
      result.unreadable.map((u) => u.reason),
      ['no such file or folder'],
    );
    assert.equal(result.files.length, 1);
    assert.match(formatText(result), /missing: cannot read: no such file or folder/);
  });

  test('prints `path:line:col severity rule-id message` lines and a summary', () => {
    const text = formatText(checkPaths([join(root, 'config')]));
    assert.match(text, /^.*config\/elasticsearch\.yml:3:21 error unknown-setting Unknown remote cluster setting `sever_name`/m);
    assert.match(text, /1 file\(s\) checked: \d+ error\(s\)/);
  });

  test('emits JSON that round-trips the findings', () => {
    const result = checkPaths([join(root, 'config')]);
    const parsed = JSON.parse(formatJson(result)) as typeof result;
    assert.deepEqual(parsed.files, result.files);
    assert.deepEqual(parsed.counts, result.counts);
  });

  test('emits SARIF 2.1.0 whose results point at described rules and exact regions', () => {
    const sarif = JSON.parse(formatSarif(checkPaths([join(root, 'config')]), '1.2.3')) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
        }>;
      }>;
    };
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.version, '1.2.3');
    const result = run.results.find((r) => r.ruleId === 'unknown-setting');
    assert.ok(result);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'unknown-setting');
    assert.equal(result.level, 'error');
    assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /config\/elasticsearch\.yml$/);
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 21, endLine: 3, endColumn: 31 });
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  });

  test('links every SARIF rule that has a page to it and carries the page text', () => {
    const pagesDir = resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules');
    const sarif = JSON.parse(formatSarif(checkPaths([join(root, 'config')]), '1.2.3', new RulePages(pagesDir))) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; helpUri?: string; help?: { text: string; markdown: string } }> } };
      }>;
    };
    const rules = sarif.runs[0].tool.driver.rules;
    const unknown = rules.find((r) => r.id === 'unknown-setting');
    assert.ok(unknown);
    assert.equal(unknown.helpUri, pathToFileURL(join(pagesDir, 'unknown-setting.md')).href);
    assert.match(unknown.help?.markdown ?? '', /^# /m, 'the page itself');
    assert.ok(unknown.help?.text, 'SARIF messages need text as well');
    // Every rule with a page gets it; none points at a missing file.
    assert.ok(rules.filter((r) => r.helpUri).length > 90, 'most rules have pages');
    for (const rule of rules) if (rule.helpUri) assert.ok(rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`));
  });

  test('leaves helpUri out when the rule pages are not there', () => {
    const sarif = JSON.parse(
      formatSarif(checkPaths([join(root, 'config')]), '1.2.3', new RulePages(join(root, 'no-such-dir'))),
    ) as {
      runs: Array<{ tool: { driver: { rules: Array<{ helpUri?: string; help?: unknown }> } } }>;
    };
    assert.ok(sarif.runs[0].tool.driver.rules.every((r) => r.helpUri === undefined && r.help === undefined));
  });

  test('checks ECK references across files, as the editor does across the workspace', () => {
    const dir = join(root, 'k8s');
    mkdirSync(dir);
    const hub = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1',
      'kind: Elasticsearch',
      'metadata: { name: hub, namespace: search }',
      'spec:',
      '  version: 8.15.0',
      '  remoteClusters:',
      '  - name: west',
      '    elasticsearchRef: { name: west }',
      '    apiKey:',
      '      access:',
      '        search:',
      '          names: ["logs-*"]',
      '  nodeSets:',
      '  - name: default',
      '    count: 1',
      '',
    ].join('\n');
    const west = (enabled: boolean) =>
      [
        'apiVersion: elasticsearch.k8s.elastic.co/v1',
        'kind: Elasticsearch',
        'metadata: { name: west, namespace: search }',
        'spec:',
        '  version: 8.15.0',
        ...(enabled ? ['  remoteClusterServer:', '    enabled: true'] : []),
        '  nodeSets:',
        '  - name: default',
        '    count: 1',
        '',
      ].join('\n');
    writeFileSync(join(dir, 'hub.yaml'), hub);
    writeFileSync(join(dir, 'west.yaml'), west(false));
    const ruleIds = () =>
      checkPaths([dir])
        .files.filter((f) => f.path.endsWith('hub.yaml'))
        .flatMap((f) => f.findings.map((finding) => finding.ruleId));
    assert.ok(ruleIds().includes('eck-api-key-remote-without-server'), ruleIds().join(', '));
    writeFileSync(join(dir, 'west.yaml'), west(true));
    assert.ok(!ruleIds().includes('eck-api-key-remote-without-server'), ruleIds().join(', '));
  });
});
