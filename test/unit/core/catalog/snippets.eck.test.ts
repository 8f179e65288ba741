import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { eckFindings, expandSnippet, manifest } from '../eck/support';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

// Compiled tests run from out/test/unit/core/catalog; the snippets stay in the source tree.
const SNIPPETS_FILE = join(__dirname, '../../../../../snippets/eck-remote-clusters.code-snippets');
const snippets = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;

function expanded(prefix: string): string {
  const snippet = Object.values(snippets).find((s) => s.prefix === prefix);
  assert.ok(snippet, `no snippet ${prefix}`);
  return expandSnippet(snippet.body.join('\n'));
}

describe('ECK snippets', () => {
  test('each produce a manifest with no findings at all', () => {
    assert.ok(Object.keys(snippets).length >= 4);
    for (const snippet of Object.values(snippets)) {
      const text = expandSnippet(snippet.body.join('\n'));
      assert.deepEqual(eckFindings(text), [], snippet.prefix);
    }
  });

  test('remote cluster server exposed by a LoadBalancer', () => {
    const es = manifest(expanded('eck-remote-cluster-server')).eck!.elasticsearches[0];
    assert.equal(es.remoteClusterServerEnabled, true);
    assert.equal(es.remoteClusterServerService?.type?.value, 'LoadBalancer');
    assert.deepEqual(
      es.remoteClusterServerService?.ports.map((p) => [p.port?.value, p.targetPort?.value]),
      [[9443, 9443]],
    );
  });

  test('ECK-managed remote clusters with API-key access, remote side included', () => {
    const [local, remote] = manifest(expanded('eck-remote-clusters-api-key')).eck!.elasticsearches;
    assert.equal(local.remoteClusters[0].refName?.value, remote.name?.value);
    assert.ok(local.remoteClusters[0].accessField);
    assert.equal(remote.remoteClusterServerEnabled, true);
  });

  test('certificate and CA trust mounts', () => {
    const mounted = manifest(expanded('eck-remote-ca-mount')).eck!.elasticsearches[0];
    const [nodeSet] = mounted.nodeSets;
    assert.deepEqual(
      nodeSet.volumes.map((v) => v.value),
      ['remote-ca'],
    );
    assert.deepEqual(
      nodeSet.volumeMounts.map((m) => m.name?.value),
      ['remote-ca'],
    );
    assert.ok(
      nodeSet.scope?.occurrences.some((o) => o.key === 'xpack.security.remote_cluster_client.ssl.certificate_authorities'),
    );
    const transport = manifest(expanded('eck-transport-trust')).eck!.elasticsearches[0];
    assert.equal(transport.transportService?.type?.value, 'LoadBalancer');
  });

  test('say in their description what the user must do outside the manifest, without any secret', () => {
    for (const snippet of Object.values(snippets)) {
      assert.ok(snippet.description.length > 40, snippet.prefix);
      assert.doesNotMatch(snippet.body.join('\n'), /credentials:\s*\S/, snippet.prefix);
    }
  });
});
