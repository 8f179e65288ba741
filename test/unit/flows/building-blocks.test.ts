import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendDocumentEdit, credentialsSecretName, eckResources, secureSettingsEdit } from '../../../client/src/flows/eck';
import { trustsCluster } from '../../../client/src/flows/deployments';
import { guessPlatform } from '../../../client/src/flows/platforms';
import { likelyCauses } from '../../../client/src/flows/remoteStatus';
import { scopeIdProblem } from '../../../client/src/flows/trust';
import { aliasesIn, proxySettingsBody, removalBody, restoreBody, type AliasSettings } from '../../../client/src/flows/aliasSettings';
import { BACK, runSteps, type FlowStep } from '../../../client/src/ui/steps';

describe('the step runner', () => {
  interface Draft {
    answers: string[];
    extra?: boolean;
    wide?: boolean;
    narrow?: boolean;
  }
  /** A step that plays the next scripted outcome and records that it ran. */
  const scripted = (id: string, outcomes: Array<'next' | 'back' | 'cancel'>, options: { silent?: boolean; onNext?: (draft: Draft) => void } = {}): FlowStep<Draft> => ({
    id,
    silent: options.silent,
    run: async (draft, position) => {
      draft.answers.push(`${id}@${position.step}${position.totalSteps === undefined ? '' : `/${position.totalSteps}`}${position.canGoBack ? '<' : ''}`);
      const outcome = outcomes.shift() ?? 'next';
      if (outcome === 'cancel') return undefined;
      if (outcome === 'back') return BACK;
      options.onNext?.(draft);
      return 'next';
    },
  });

  test('Back goes to the previous step; answers can add steps; silent steps are not counted and Back skips them', async () => {
    const a = scripted('a', ['next', 'next']);
    const check = scripted('check', [], { silent: true });
    const b = scripted('b', ['next', 'back', 'next'], { onNext: (draft) => (draft.extra = true) });
    const c = scripted('c', ['back', 'next']);
    const d = scripted('d', []);
    const draft: Draft = { answers: [] };
    const finished = await runSteps('T', draft, (current) => [a, check, b, ...(current.extra ? [c] : []), d]);
    assert.equal(finished, true);
    assert.deepEqual(draft.answers, ['a@1', 'check@1<', 'b@2<', 'c@3<', 'b@2<', 'a@1', 'check@1<', 'b@2<', 'c@3<', 'd@4<']);
  });

  test('a step that disappears after its own answer hands over to the step after it', async () => {
    const draft: Draft = { answers: [] };
    const once = scripted('once', [], { silent: true, onNext: (current) => (current.extra = true) });
    const finished = await runSteps('T', draft, (current) => [scripted('first', []), ...(current.extra ? [] : [once]), scripted('last', [])]);
    assert.equal(finished, true);
    assert.deepEqual(draft.answers.map((entry) => entry.split('@')[0]), ['first', 'once', 'last']);
  });

  test('a fixed list of steps shows n/total; a list that answers change shows the step alone and never counts backwards', async () => {
    const fixed: Draft = { answers: [] };
    assert.equal(await runSteps('T', fixed, [scripted('a', []), scripted('b', []), scripted('c', [])]), true);
    assert.deepEqual(fixed.answers, ['a@1/3', 'b@2/3<', 'c@3/3<']);

    // The first answer adds two steps, the third removes one again: a total from the answers so far would read 1/3, 2/5, 3/4.
    const draft: Draft = { answers: [] };
    const steps = {
      first: scripted('first', [], { onNext: (current) => (current.wide = true) }),
      x: scripted('x', []),
      y: scripted('y', [], { onNext: (current) => (current.narrow = true) }),
      z: scripted('z', []),
      last: scripted('last', []),
    };
    const finished = await runSteps('T', draft, (current) => [steps.first, ...(current.wide ? [steps.x, steps.y] : []), ...(current.wide && !current.narrow ? [steps.z] : []), steps.last]);
    assert.equal(finished, true);
    assert.deepEqual(draft.answers, ['first@1', 'x@2<', 'y@3<', 'last@4<']);
  });

  test('Escape at any step cancels', async () => {
    const draft: Draft = { answers: [] };
    assert.equal(await runSteps('T', draft, () => [scripted('a', []), scripted('b', ['cancel']), scripted('c', [])]), false);
    assert.deepEqual(draft.answers.map((entry) => entry.split('@')[0]), ['a', 'b']);
  });
});

describe('cluster settings bodies for one alias', () => {
  const before: AliasSettings = {
    alias: 'eu',
    persistent: { 'cluster.remote.eu.seeds': ['a:9300'], 'cluster.remote.eu.skip_unavailable': 'false' },
    transient: { 'cluster.remote.eu.transport.compress': 'true' },
  };

  test('switching to proxy mode nulls the old keys the new configuration does not set, in both scopes', () => {
    assert.deepEqual(proxySettingsBody('eu', { address: 'r:9443', serverName: 'r.example' }, before), {
      persistent: {
        'cluster.remote.eu.mode': 'proxy',
        'cluster.remote.eu.proxy_address': 'r:9443',
        'cluster.remote.eu.server_name': 'r.example',
        'cluster.remote.eu.seeds': null,
        'cluster.remote.eu.skip_unavailable': null,
      },
      transient: { 'cluster.remote.eu.transport.compress': null },
    });
  });

  test('restoring puts the earlier values back and nulls what was added; removal nulls everything', () => {
    const now: AliasSettings = { alias: 'eu', persistent: { 'cluster.remote.eu.mode': 'proxy', 'cluster.remote.eu.proxy_address': 'r:9443' }, transient: {} };
    assert.deepEqual(restoreBody(before, now), {
      persistent: { 'cluster.remote.eu.mode': null, 'cluster.remote.eu.proxy_address': null, 'cluster.remote.eu.seeds': ['a:9300'], 'cluster.remote.eu.skip_unavailable': 'false' },
      transient: { 'cluster.remote.eu.transport.compress': 'true' },
    });
    assert.deepEqual(restoreBody({ alias: 'eu', persistent: {}, transient: {} }, now), removalBody(now));
  });

  test('aliases are read from flat keys, without the global cluster.remote settings', () => {
    assert.deepEqual(aliasesIn({ 'cluster.remote.b.seeds': 'x:1', 'cluster.remote.initial_connect_timeout': '30s', 'cluster.remote.node.attr': 'gw', 'cluster.remote.a.mode': 'proxy' }, { 'cluster.remote.a.skip_unavailable': 'true' }), ['a', 'b']);
  });
});

describe('ECK manifest edits', () => {
  const document = (text: string) => ({ uri: 'file:///m.yaml', label: 'm.yaml', text });

  test('finds the Elasticsearch resources of the open manifests, ignoring other YAML and broken files', () => {
    const found = eckResources([
      document('apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: one\nspec:\n  version: 8.15.0\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n'),
      { uri: 'file:///values.yaml', label: 'values.yaml', text: 'replicas: 3\n' },
      { uri: 'file:///broken.yaml', label: 'broken.yaml', text: 'kind: [\n' },
    ]);
    assert.deepEqual(found.map((resource) => [resource.name, resource.version, resource.label]), [['one', '8.15.0', 'm.yaml']]);
  });

  test('a flow-style secureSettings list is not edited: the user is told what to add', () => {
    const edit = secureSettingsEdit(document('apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: one\nspec:\n  secureSettings: []\n'), 0, 's');
    assert.ok('problem' in edit);
    assert.match(edit.problem, /add "- secretName: s" to it by hand/);
  });

  test('an entry already listed needs no edit; CRLF files get CRLF; Secret names are valid Kubernetes names', () => {
    const crlf = 'apiVersion: elasticsearch.k8s.elastic.co/v1\r\nkind: Elasticsearch\r\nmetadata:\r\n  name: one\r\nspec:\r\n  secureSettings:\r\n  - secretName: s\r\n';
    assert.deepEqual(secureSettingsEdit(document(crlf), 0, 's'), {});
    const added = secureSettingsEdit(document(crlf), 0, 't');
    assert.ok('edit' in added && added.edit);
    assert.equal(added.edit.newText, '\r\n  - secretName: t');
    assert.equal(appendDocumentEdit(crlf, 'a: 1\nb: 2\n').newText, '---\r\na: 1\r\nb: 2\r\n');
    assert.equal(credentialsSecretName('Prod_ES', 'eu_west'), 'prod-es-remote-eu-west-credentials');
  });
});

describe('likely causes of a connection that did not come up', () => {
  test('API-key model: missing credentials and the transport port are named first', () => {
    const causes = likelyCauses(
      { connected: false, waitedMs: 60000, info: { mode: 'proxy', connected: false, proxy_address: 'r.example:9300', server_name: '', num_proxy_sockets_connected: 0, max_proxy_socket_connections: 18, initial_connect_timeout: '30s', skip_unavailable: true } },
      { model: 'api-key', localPlatform: 'self-managed', remoteIsCloud: false, keystore: 'manual' },
    );
    assert.match(causes[0], /no credentials for this alias loaded: add cluster\.remote\.<alias>\.credentials to the keystore of every node/);
    assert.match(causes[1], /uses port 9300, the certificate model's port/);
  });

  test('a Cloud remote without server_name, and an alias that is not listed at all', () => {
    const cloud = likelyCauses(
      { connected: false, waitedMs: 1, info: { mode: 'proxy', connected: false, proxy_address: 'x.cloud:9400', server_name: '', num_proxy_sockets_connected: 0, max_proxy_socket_connections: 18, initial_connect_timeout: '30s', skip_unavailable: true } },
      { model: 'certificate', localPlatform: 'cloud', remoteIsCloud: true },
    );
    assert.ok(cloud.some((cause) => /need server_name set to the deployment's endpoint/.test(cause)));
    const missing = likelyCauses({ connected: false, waitedMs: 1 }, { model: 'api-key', localPlatform: 'cloud', remoteIsCloud: false });
    assert.equal(missing.length, 1);
    assert.match(missing[0], /does not list the alias/);
  });
});

describe('where a cluster runs, guessed from its connection', () => {
  test('Cloud endpoints and Cloud IDs, Kubernetes Services, this machine and private addresses', () => {
    assert.equal(guessPlatform({ cloudId: 'prod:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmMkZGVm' }), 'cloud');
    assert.equal(guessPlatform({ url: 'https://prod.es.eu-west-1.aws.found.io:9243' }), 'cloud');
    assert.equal(guessPlatform({ url: 'https://my-deployment.es.us-central1.gcp.cloud.es.io' }), 'cloud');
    assert.equal(guessPlatform({ url: 'https://quickstart-es-http.search.svc:9200' }), 'eck');
    for (const url of ['http://127.0.0.1:9200', 'https://localhost:9200', 'https://10.1.2.3:9200', 'https://172.20.0.4:9200', 'https://192.168.1.9:9200', 'https://es01:9200', 'https://[::1]:9200']) {
      assert.equal(guessPlatform({ url }), 'self-managed', url);
    }
    for (const url of ['https://es.example.com:9200', 'https://172.32.0.1:9200', 'https://8.8.8.8:9200', 'not a url']) assert.equal(guessPlatform({ url }), undefined, url);
  });
});

describe('which trust entry concerns a cluster', () => {
  const cluster = { clusterId: 'c'.repeat(32), accountId: 'org-1' };

  test('an entry for another organization does not let the cluster in, whatever its trust_all', () => {
    assert.equal(trustsCluster({ accounts: [{ account_id: 'org-2', trust_all: true }] }, cluster), false);
    assert.equal(trustsCluster({ accounts: [{ account_id: 'org-2', trust_all: true }, { account_id: 'org-1', trust_all: false, trust_allowlist: [] }] }, cluster), false);
  });

  test('the entry of its own organization does, by trust_all or by its cluster ID', () => {
    assert.equal(trustsCluster({ accounts: [{ account_id: 'org-1', trust_all: true }] }, cluster), true);
    assert.equal(trustsCluster({ accounts: [{ account_id: 'org-1', trust_all: false, trust_allowlist: [cluster.clusterId] }] }, cluster), true);
  });

  test('an environment entry counts only for its trust relationship', () => {
    const trust = { external: [{ trust_relationship_id: 'env-1', trust_all: true }] };
    assert.equal(trustsCluster(trust, { clusterId: cluster.clusterId, trustRelationshipId: 'env-1' }), true);
    assert.equal(trustsCluster(trust, { clusterId: cluster.clusterId, trustRelationshipId: 'env-2' }), false);
  });
});

describe('scope IDs of direct trust entries', () => {
  test('lowercase letters and digits pass silently; the ECK scope default.es.local passes with a note', () => {
    assert.deepEqual(scopeIdProblem('803289842'), {});
    const eck = scopeIdProblem('default.es.local');
    assert.equal(eck.problem, undefined);
    assert.match(eck.note ?? '', /ECE ↔ ECK/);
  });

  test('uppercase, underscores, leading dots and more than 32 characters are refused', () => {
    for (const value of ['DC1', 'dc_1', '.es.local', 'a'.repeat(33), '']) assert.ok(scopeIdProblem(value).problem, value);
  });
});
