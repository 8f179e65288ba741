import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import { EckWorkspaceIndex } from '../../../server/src/lsp/workspaceIndex';
import { elasticsearch } from '../core/eck/fixtures';
import { SEED_004_MANIFEST } from '../core/eck/seed004';

const root = mkdtempSync(join(tmpdir(), 'eck-index-'));
after(() => rmSync(root, { recursive: true, force: true }));

const WEST = elasticsearch('west', 'version: 8.15.0');
const HUB = elasticsearch(
  'hub',
  'version: 8.15.0\nremoteClusters:\n  - name: west\n    elasticsearchRef:\n      name: west\n    apiKey:\n      access:\n        search:\n          names: ["*"]',
);

function write(relative: string, text: string): string {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return pathToFileURL(path).href;
}

describe('workspace index (language server)', () => {
  test('scans YAML files on disk, skips node_modules, and feeds cross-document rules', async () => {
    const westUri = write('base/west.yaml', WEST);
    write('node_modules/pkg/es.yaml', elasticsearch('ignored', 'version: 8.15.0'));
    write('base/values.yaml', 'replicaCount: 2\n');
    const hubUri = write('overlays/hub.yaml', HUB);
    const changes: string[] = [];
    const index = new EckWorkspaceIndex((uri) => changes.push(uri));
    await index.scan([pathToFileURL(root).href]);

    assert.deepEqual(
      index.summaryExcluding(hubUri).elasticsearches.map((es) => es.name),
      ['west'],
    );
    assert.ok(changes.includes(westUri));

    const hub = parseConfigDocument({ uri: hubUri, text: HUB });
    const findings = analyze(hub, { eckWorkspace: index.summaryExcluding(hubUri) }).findings.map((f) => f.ruleId);
    assert.ok(findings.includes('eck-api-key-remote-without-server'));
  });

  test('lets an open document override its copy on disk, and falls back to disk when closed', async () => {
    const westUri = write('live/west.yaml', WEST);
    const index = new EckWorkspaceIndex(() => undefined);
    await index.scan([pathToFileURL(join(root, 'live')).href]);
    const enabledText = elasticsearch('west', 'version: 8.15.0\nremoteClusterServer:\n  enabled: true');
    index.updateFromDocument(parseConfigDocument({ uri: westUri, text: enabledText }));
    assert.deepEqual(
      index.summaryExcluding('file:///elsewhere.yaml').elasticsearches.map((es) => es.remoteClusterServerEnabled),
      [true],
    );
    await index.changedOnDisk(westUri); // ignored while open
    assert.deepEqual(
      index.summaryExcluding('file:///elsewhere.yaml').elasticsearches.map((es) => es.remoteClusterServerEnabled),
      [true],
    );
    await index.closed(westUri);
    assert.deepEqual(
      index.summaryExcluding('file:///elsewhere.yaml').elasticsearches.map((es) => es.remoteClusterServerEnabled),
      [false],
    );
    index.deleted(westUri);
    assert.deepEqual(index.summaryExcluding('file:///elsewhere.yaml').elasticsearches, []);
  });

  test('indexes a file that holds only a ConfigMap, so a trust file missing from it is reported', () => {
    const changes: string[] = [];
    const index = new EckWorkspaceIndex((uri) => changes.push(uri));
    const configMapUri = 'file:///project/k8s/trust.yaml';
    const configMap = (key: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: quickstart-trust\ndata:\n  ${key}: |\n    trust.subject_name: ["*.example"]\n`;
    // The seed-004 Elasticsearch resource alone: it mounts trust.yml from the ConfigMap quickstart-trust.
    const esUri = 'file:///project/k8s/es.yaml';
    const es = parseConfigDocument({
      uri: esUri,
      text: SEED_004_MANIFEST.slice(SEED_004_MANIFEST.indexOf('apiVersion: elasticsearch.k8s.elastic.co/v1')),
    });
    const trustFindings = () =>
      analyze(es, { eckWorkspace: index.summaryExcluding(esUri) }).findings.filter(
        (finding) => finding.ruleId === 'eck-trust-file-key-missing' && finding.message.includes('quickstart-trust'),
      );

    index.updateFromDocument(parseConfigDocument({ uri: configMapUri, text: configMap('trust.yaml') }));
    assert.deepEqual(changes, [configMapUri]);
    assert.deepEqual(
      index.summaryExcluding(esUri).configMaps?.map((entry) => [entry.name, entry.keys]),
      [['quickstart-trust', ['trust.yaml']]],
    );
    assert.equal(trustFindings().length, 2); // one per nodeSet that mounts it
    // Renaming the key to the one the manifest mounts is a change too; the copy the index keeps follows it.
    index.updateFromDocument(parseConfigDocument({ uri: configMapUri, text: configMap('trust.yml') }));
    assert.equal(changes.length, 2);
    assert.deepEqual(index.summaryExcluding(esUri).configMaps?.[0].keys, ['trust.yml']);
    assert.deepEqual(trustFindings(), []);
    index.deleted(configMapUri);
    assert.deepEqual(index.summaryExcluding(esUri).configMaps, []);
  });

  test('reports a change only when what it knows about a file changes', () => {
    const changes: string[] = [];
    const index = new EckWorkspaceIndex((uri) => changes.push(uri));
    const uri = 'file:///project/k8s/typing.yaml';
    index.updateFromDocument(parseConfigDocument({ uri, text: WEST }));
    const other = 'file:///project/k8s/other.yaml';
    const before = index.summaryExcluding(other);
    index.updateFromDocument(parseConfigDocument({ uri, text: `${WEST}# a comment changes nothing the index holds\n` }));
    assert.equal(changes.length, 1);
    // Unchanged: the very same summary, so what an analysis derived from it still applies.
    assert.equal(index.summaryExcluding(other), before);
    index.updateFromDocument(parseConfigDocument({ uri, text: WEST.replace('version: 8.15.0', 'version: 8.16.0') }));
    assert.equal(changes.length, 2);
    const after = index.summaryExcluding(other);
    assert.notEqual(after, before);
    assert.deepEqual(
      after.elasticsearches.map((es) => es.version),
      ['8.16.0'],
    );
    index.deleted(uri);
    assert.deepEqual(index.summaryExcluding(other).elasticsearches, []);
  });
});
