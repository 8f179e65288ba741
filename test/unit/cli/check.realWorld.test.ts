import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { checkPaths } from '../../../server/src/cli/check';

/**
 * The real-world-shaped corpus (test/fixtures/real-world, see its README): every finding the
 * checker reports there, by file, line and rule. Each was reviewed as a true positive; the
 * comment says what is wrong. A new finding here is a false alarm until proven otherwise.
 */
const CORPUS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'real-world');

const EXPECTED: readonly string[] = [
  // Jinja template: the fixed archive seed has no port.
  'ansible/roles/elasticsearch/templates/elasticsearch.yml:12 error address-missing-port',
  // Compose environment of the 8.15.3 image: the remote leaves skip_unavailable to its default, which became true in 8.15.
  'compose/ccs-two-clusters.yml:10 info skip-unavailable-default',
  // Elasticsearch refuses JSON with a trailing comma.
  'console/trailing-comma.es:7 error json-trailing-comma',
  // ECK types access.replication as one object; the API server refuses the list.
  'eck/api-key-access-list-form.yaml:15 error eck-api-key-access',
  // apiKey inside elasticsearchRef is dropped: the remote silently uses certificates.
  'eck/api-key-under-ref.yaml:14 error eck-unknown-field',
  // An ECK-managed remote without apiKey on 9.x: the deprecated certificate model.
  'eck/certificate-model-managed-9x.yaml:10 info eck-certificate-model-deprecated',
  // Cross-namespace reference without serviceAccountName (refused when the operator enforces RBAC on references).
  'eck/kustomize-remote-patch.yaml:12 info eck-cross-namespace-remote',
  // The HTTP header form `ApiKey …` stored instead of the encoded key.
  'eck/remote-api-keys-secret-header.yaml:8 warning eck-secret-credentials-value',
  // As above, in ECK's own recipe: team-a refers to team-b.
  'eck/remote-clusters-recipe.yaml:20 info eck-cross-namespace-remote',
  // RemoteCluster (v1alpha1) was removed from ECK in 2019.
  'eck/v1alpha1-remote-cluster.yaml:4 error eck-removed-api',
  // Literal lines of a Helm template: `dr` is in proxy mode with sniff seeds and no proxy_address.
  'helm/search-platform/templates/elasticsearch.yaml:20 error remote-incomplete',
  'helm/search-platform/templates/elasticsearch.yaml:21 error mode-setting-mismatch',
  // Trailing commas in a _cluster/settings body and a Cloud trust payload.
  'json/add-remote-trailing-comma.json:5 error json-trailing-comma',
  // The Cloud remote-clusters endpoint is deprecated and replaces the whole list.
  'json/ech-remote-clusters.json:2 info cloud-remote-clusters-deprecated',
  'json/ech-trust-trailing-comma.json:7 error json-trailing-comma',
  // 6.8 file: search.remote.* are the deprecated 6.x names (cluster.remote.* exists since 6.5).
  'yml/6.8/elasticsearch.yml:10 warning legacy-search-remote',
  'yml/6.8/elasticsearch.yml:11 warning legacy-search-remote',
  'yml/6.8/elasticsearch.yml:12 warning legacy-search-remote',
  // Hot nodes with remotes but without the remote_cluster_client role.
  'yml/8.x-hot-nodes/elasticsearch.yml:5 warning node-roles-missing-remote-client',
  // Client TLS off towards a 9443 remote: API keys travel in plain text.
  'yml/client-tls-off/elasticsearch.yml:6 warning remote-cluster-ssl-disabled',
  // An Elastic Cloud endpoint used as a sniff seed.
  'yml/cloud-seeds/elasticsearch.yml:4 warning cloud-endpoint-mode',
  // A three-part IPv4 address (Java reads it as 10.0.0.12) and a stray `;` in a host name.
  'yml/host-typos/elasticsearch.yml:4 warning address-ipv4-shorthand',
  'yml/host-typos/elasticsearch.yml:6 error address-invalid-host',
  // An IPv6 seed without brackets, which Elasticsearch still reads as meant: a hint.
  'yml/ipv6/elasticsearch.yml:5 info address-ipv6-unbracketed',
  // skip_unavaliable: misspelt, Elasticsearch refuses to start.
  'yml/typo/elasticsearch.yml:5 error unknown-setting',
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const posix = (path: string) => relative(CORPUS, path).split(sep).join('/');

describe('real-world-shaped corpus', () => {
  test('reports exactly the reviewed findings, nothing else', () => {
    const result = checkPaths([CORPUS]);
    const actual = result.files
      .flatMap((file) => file.findings.map((f) => `${posix(file.path)}:${f.line} ${f.severity} ${f.ruleId}`))
      .sort();
    assert.deepEqual(actual, [...EXPECTED].sort());
    assert.deepEqual(result.unreadable, []);
  });

  test('holds at least 40 files, each saying which public source its shape follows', () => {
    const files = filesUnder(CORPUS).filter((path) => !path.endsWith('README.md'));
    assert.ok(files.length >= 40, `${files.length} files`);
    const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8');
    for (const path of files) {
      const name = posix(path);
      if (name.endsWith('.json')) assert.ok(readme.includes(`\`${name}\``), `${name} is not described in README.md`);
      else assert.match(readFileSync(path, 'utf8').slice(0, 400), /Shape: /, `${name} has no shape note`);
    }
  });

  test('never shows a secret value from the corpus in a message', () => {
    const messages = checkPaths([CORPUS]).files.flatMap((file) => file.findings.map((f) => f.message));
    for (const secret of ['ZXhhbXBsZWlkMDAwMDA6ZXhhbXBsZWtleTAwMDAwMDAwMDAwMA==', 'exampleid00000']) {
      assert.ok(
        messages.every((message) => !message.includes(secret)),
        secret,
      );
    }
  });
});
