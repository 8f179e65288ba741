/** The diagnosis engine and its report, over fake probes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECKS } from '../../../../client/src/diagnosis/checks';
import { renderReport, runDiagnosis } from '../../../../client/src/diagnosis/engine';
import type { LocalClusterProbe, NetworkProbe, RemoteClusterProbe } from '../../../../client/src/diagnosis/checkContext';

describe('engine and report', () => {
  const local: LocalClusterProbe = {
    info: async () => ({ clusterName: 'l', clusterUuid: 'u', version: '8.15.0' }),
    remoteInfo: async () => ({
      'a`b': {
        mode: 'sniff',
        connected: true,
        seeds: ['h:9443'],
        num_nodes_connected: 1,
        max_connections_per_cluster: 3,
        initial_connect_timeout: '30s',
        skip_unavailable: false,
        cluster_credentials: '::es_redacted::',
      },
    }),
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
    apiKeys: async () => [
      {
        id: 'k1',
        name: 'k',
        type: 'cross_cluster',
        invalidated: false,
        metadata: { alias: 'a`b' },
        ...(identity ? { certificate_identity: identity } : {}),
      },
    ],
  });

  test('a failing probe makes its checks "not checked", never a crash; DNS failure fails the DNS check and stops the later steps', async () => {
    const report = await runDiagnosis({
      alias: 'a`b',
      localConnectionName: 'l',
      localConnectionId: 'l',
      local,
      network,
      remote: remote(),
    });
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
      (
        await runDiagnosis({
          alias: 'a`b',
          localConnectionName: 'l',
          localConnectionId: 'l',
          local,
          network,
          remote: remote(identity),
        })
      ).outcomes.find((outcome) => outcome.id === 'credentials.identity')?.status;
    assert.equal(await run('CN=local-node, O=.*'), 'passed');
    assert.equal(await run('CN=someone-else, O=.*'), 'failed');
  });
});
