/** The pure parts of the diagnosis: version rules, the error catalogue, alias anchors, the report and the tree's last-diagnosis display. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECKS } from '../../../client/src/diagnosis/checks';
import { aliasAnchors, lensConnection } from '../../../client/src/diagnosis/aliases';
import { renderReport, runDiagnosis } from '../../../client/src/diagnosis/engine';
import { ERROR_CATALOGUE, explainError, renderExplanation } from '../../../client/src/diagnosis/errorCatalogue';
import { lastDiagnoses } from '../../../client/src/diagnosis/lastDiagnosis';
import type { LocalClusterProbe, NetworkProbe, RemoteClusterProbe } from '../../../client/src/diagnosis/checkContext';
import { ccsCompatibility, parseVersion } from '../../../client/src/diagnosis/versions';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import { remoteClusterNode } from '../../../client/src/views/nodes';

const v = (text: string) => {
  const parsed = parseVersion(text);
  assert.ok(parsed, text);
  return parsed;
};

describe('cross-cluster search version rules', () => {
  const cases: Array<[string, string, 'supported' | 'unsupported' | 'incompatible']> = [
    ['8.15.0', '8.15.3', 'supported'],
    ['8.15.0', '8.14.0', 'supported'], // previous minor
    ['8.15.0', '8.17.0', 'supported'], // newer minor, same major
    ['8.15.0', '8.12.0', 'unsupported'], // connects, not supported
    ['8.15.0', '7.17.20', 'supported'], // 7.17 with any 8.x
    ['7.17.0', '8.15.0', 'supported'],
    ['8.15.0', '7.16.0', 'incompatible'],
    ['9.1.0', '8.17.0', 'incompatible'],
    ['8.17.0', '9.0.0', 'incompatible'],
    ['8.18.0', '9.0.0', 'supported'],
    ['9.1.0', '8.19.2', 'supported'],
  ];
  for (const [local, remote, expected] of cases) {
    test(`local ${local} → remote ${remote}: ${expected}`, () => assert.equal(ccsCompatibility(v(local), v(remote)).kind, expected));
  }
});

describe('error catalogue', () => {
  const samples: Record<string, string> = {
    'no-remote-cluster-client-role': 'illegal_argument_exception: node [es-hot] does not have the remote cluster client role enabled',
    'no-such-remote-cluster': '{"type":"no_such_remote_cluster_exception","reason":"no such remote cluster: [wset]"}',
    'connect-exception': 'org.elasticsearch.transport.ConnectTransportException: [][127.0.0.1:9400] connect_exception',
    'trust-not-established': '[WARN ][o.e.c.s.DiagnosticTrustManager] [node] failed to establish trust with server at [127.0.0.1]; the server provided a certificate',
    'client-did-not-trust': "[WARN ][o.e.x.c.s.t.n.SecurityNetty4Transport] [node-9] client did not trust this server's certificate, closing connection",
    'bad-certificate': 'javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate',
    'missing-authentication': 'ElasticsearchSecurityException: missing authentication credentials for action [cluster:internal/remote_cluster/handshake]',
    'wrong-channel-profile': 'java.lang.IllegalArgumentException: remote cluster handshake action requires channel profile to be [_remote_cluster], but got [default]',
    'no-credentials': 'Cross cluster requests through the dedicated remote cluster server port require transport header [_cross_cluster_access_credentials] but none found.',
    'wrong-key-type': 'authentication expected API key type of [cross_cluster], but API key [agZXJocBmA2beJfq2yKu] has type [rest]',
    'unable-to-authenticate': 'unable to authenticate user [agZXJocBmA2beJfq2yKu] for action [cluster:internal/remote_cluster/handshake]',
    'key-expired-or-invalidated': 'api key is expired',
    'no-remote-indices': 'because no remote indices privileges apply for the target cluster',
    'remote-unauthorized': 'action [indices:data/read/search] towards remote cluster is unauthorized for user [foo] with assigned roles [foo-role]',
    'handshake-unauthorized': 'action [cluster:internal/remote_cluster/handshake] is unauthorized for user [anonymous_foo]',
    'incompatible-version': 'Received message from unsupported version: [7.16.0] minimal compatible version is: [7.17.0]',
    'not-ssl-record': 'io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 474554',
    'http-on-transport': 'This is not an HTTP port',
    'closed-by-remote': 'transport connection to [{my-remote#192.168.0.42:9443}{...}] closed by remote',
    'hostname-mismatch': 'No subject alternative DNS name matching remote.example.com found.',
    'certificate-expired': 'the certificate is valid between [a] and [b] (current time is [c], certificate dates are not valid)',
  };

  test('every catalogue entry has a sample that it explains, and every sample is explained by its entry', () => {
    assert.deepEqual(new Set(Object.keys(samples)), new Set(ERROR_CATALOGUE.map((entry) => entry.id)));
    for (const [id, sample] of Object.entries(samples)) {
      assert.ok(explainError(sample).some((entry) => entry.id === id), `${id} explains: ${sample}`);
    }
  });

  test('an unknown message says so and points at the diagnosis; long tokens pasted along are not echoed', () => {
    const token = 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==XYZabc0123456789';
    const text = renderExplanation(`something unrelated ${token}`);
    assert.match(text, /not in the catalogue/);
    assert.ok(!text.includes(token));
  });

  test('the resolve-cluster errors the emulator reports are all explained', () => {
    for (const message of [
      '[][remote.emulated.local:9443] connect_exception',
      'remote cluster handshake action requires channel profile to be [_remote_cluster], but got [default]',
      'authentication expected API key type of [cross_cluster], but API key [the configured key] has type [rest]',
      'unable to authenticate user [the configured key] for action [cluster:internal/remote_cluster/handshake]',
      'failed to establish trust with server: a does not trust b',
    ]) {
      assert.ok(explainError(message).length > 0, message);
    }
  });
});

describe('code lens anchors', () => {
  test('aliases in elasticsearch.yml (flat and nested) and in a _cluster/settings body, each once', () => {
    const yml = 'cluster.remote.west.seeds: ["a:9300"]\ncluster:\n  remote:\n    east:\n      mode: proxy\n      proxy_address: b:9443\ncluster.remote.west.skip_unavailable: true\n';
    const anchors = aliasAnchors('file:///x/elasticsearch.yml', yml);
    assert.deepEqual(anchors.map((anchor) => anchor.alias), ['west', 'east']);
    assert.equal(yml.slice(anchors[0].offset, anchors[0].offset + 4), 'west');
    const body = JSON.stringify({ persistent: { cluster: { remote: { north: { seeds: ['c:9300'] } } } } }, null, 2);
    assert.deepEqual(aliasAnchors('file:///x/settings.json', body).map((anchor) => anchor.alias), ['north']);
    assert.deepEqual(aliasAnchors('file:///x/other.yml', 'foo: bar\n'), []);
  });

  test('lenses point at the only Elasticsearch connection, and at none when it is ambiguous', () => {
    const profile = (id: string, kind: ConnectionProfile['kind']): ConnectionProfile => ({ id, name: id, kind, auth: 'apiKey', url: 'https://x:9200' });
    assert.equal(lensConnection([profile('a', 'elasticsearch'), profile('c', 'cloud')])?.id, 'a');
    assert.equal(lensConnection([profile('a', 'elasticsearch'), profile('b', 'elasticsearch')]), undefined);
    assert.equal(lensConnection([]), undefined);
  });
});

describe('engine and report', () => {
  const local: LocalClusterProbe = {
    info: async () => ({ clusterName: 'l', clusterUuid: 'u', version: '8.15.0' }),
    remoteInfo: async () => ({ 'a`b': { mode: 'sniff', connected: true, seeds: ['h:9443'], num_nodes_connected: 1, max_connections_per_cluster: 3, initial_connect_timeout: '30s', skip_unavailable: false, cluster_credentials: '::es_redacted::' } }),
    remoteSettings: async () => ({}),
    resolveCluster: async () => {
      throw new Error('boom');
    },
    nodes: async () => [{ name: 'n1', roles: ['remote_cluster_client'] }],
    roles: async () => ({}),
    sslCertificates: async () => [{ subject_dn: 'CN=local-node, O=Example' }],
  };
  const network: NetworkProbe = { probe: async (address) => ({ address, host: 'h', port: 9443, dns: { error: 'ENOTFOUND h' } }) };
  const remote = (identity?: string): RemoteClusterProbe => ({
    connectionName: 'r',
    info: async () => ({ clusterName: 'r', version: '8.15.0' }),
    apiKeys: async () => [{ id: 'k1', name: 'k', type: 'cross_cluster', invalidated: false, metadata: { alias: 'a`b' }, ...(identity ? { certificate_identity: identity } : {}) }],
  });

  test('a failing probe makes its checks "not checked", never a crash; DNS failure fails the DNS check and stops the later steps', async () => {
    const report = await runDiagnosis({ alias: 'a`b', localConnectionName: 'l', localConnectionId: 'l', local, network, remote: remote() });
    assert.equal(report.outcomes.length, CHECKS.length);
    const byId = Object.fromEntries(report.outcomes.map((outcome) => [outcome.id, outcome]));
    assert.equal(byId['local.resolve'].status, 'not-checked');
    assert.equal(byId['network.dns'].status, 'failed');
    assert.equal(byId['network.tcp'].status, 'not-checked');
    assert.equal(byId['versions.ccs'].status, 'passed');
    const text = renderReport(report);
    assert.match(text, /# Diagnosis of remote cluster `ab`/, 'a backtick in an alias cannot break out of the code span');
  });

  test('strong identity: certificate_identity is compared with the local node certificate subjects', async () => {
    const run = async (identity: string) =>
      (await runDiagnosis({ alias: 'a`b', localConnectionName: 'l', localConnectionId: 'l', local, network, remote: remote(identity) })).outcomes.find((outcome) => outcome.id === 'credentials.identity')?.status;
    assert.equal(await run('CN=local-node, O=.*'), 'passed');
    assert.equal(await run('CN=someone-else, O=.*'), 'failed');
  });
});

describe('tree: the last diagnosis shows on the remote node', () => {
  test('icon and tooltip follow the last verdict', () => {
    const summary = { alias: 'west', mode: 'sniff' as const, addresses: ['h:9443'], connected: true, securityModel: 'api-key' as const, definedIn: ['persistent' as const], settings: {} };
    lastDiagnoses.clear();
    assert.equal(remoteClusterNode('c1', summary).icon.id, 'pass-filled');
    lastDiagnoses.set('c1', 'west', { verdict: 'failed', summary: '1 failed check: The certificate is within its validity dates', at: 'now' });
    const node = remoteClusterNode('c1', summary);
    assert.equal(node.icon.id, 'bug');
    assert.match(node.tooltip, /Last diagnosis \(now\): 1 failed check/);
    lastDiagnoses.clear();
  });
});
