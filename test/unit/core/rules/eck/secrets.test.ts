import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eckKeystoreCredentialAliases } from '../../../../../server/src/core/eck/keystore';
import { dedent } from '../../../helpers';
import { elasticsearch } from '../../eck/fixtures';
import { eckFindings, eckFindingsOf, manifest } from '../../eck/support';

const secret = (entries: string, section = 'stringData') =>
  dedent(`
    apiVersion: v1
    kind: Secret
    metadata:
      name: remote-api-keys
    ${section}:
  `) +
  dedent(entries).replace(/\s+$/, '').replace(/^/gm, '  ') +
  '\n';

const local = elasticsearch('local', 'version: 8.15.0\nsecureSettings:\n  - secretName: remote-api-keys');
// base64 of a made-up "id:key" pair, the shape of the `encoded` field; not a real key
const ENCODED = Buffer.from('VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw').toString('base64');

describe('eck-secure-settings-credentials-key (rule 69)', () => {
  test('warns about credentials-like keys ECK does not recognise, in a Secret of the same file', () => {
    const text = `${secret(`cluster.remote.west.credential: ${ENCODED}\nremote.east.credentials: ${ENCODED}\ncluster.remote.West.credentials: ${ENCODED}`)}---\n${local}`;
    const found = eckFindingsOf('eck-secure-settings-credentials-key', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['cluster.remote.west.credential', 'remote.east.credentials', 'cluster.remote.West.credentials'],
    );
    assert.match(found[2].message, /lowercase/);
  });

  test('checks entries[].path and Secrets found elsewhere in the workspace, pointing at the reference', () => {
    const viaEntries = elasticsearch(
      'local',
      'version: 8.15.0\nsecureSettings:\n  - secretName: keys\n    entries:\n      - key: west\n        path: cluster.remote.west.credential',
    );
    assert.deepEqual(
      eckFindingsOf('eck-secure-settings-credentials-key', viaEntries).map((f) => f.text),
      ['cluster.remote.west.credential'],
    );
    const workspace = {
      eckWorkspace: {
        elasticsearches: [],
        secrets: [{ uri: 'file:///k8s/secrets.yaml', name: 'remote-api-keys', keys: ['cluster-remote-west-credentials'] }],
        operatorVersions: [],
      },
    };
    const found = eckFindingsOf('eck-secure-settings-credentials-key', local, workspace);
    assert.deepEqual(
      found.map((f) => f.text),
      ['remote-api-keys'],
    );
    assert.match(found[0].message, /cluster-remote-west-credentials/);
  });

  test('is silent for well-formed keys and unrelated keystore settings', () => {
    const text = `${secret(`cluster.remote.west.credentials: ${ENCODED}\ns3.client.default.access_key: x`)}---\n${local}`;
    assert.deepEqual(eckFindingsOf('eck-secure-settings-credentials-key', text), []);
  });
});

describe('eck-secret-credentials-value (rule 28)', () => {
  test('flags raw id:key pairs and ApiKey headers without ever quoting the value', () => {
    const text = `${secret('cluster.remote.a.credentials: "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"\ncluster.remote.b.credentials: "ApiKey abc"')}---\n${local}`;
    const found = eckFindingsOf('eck-secret-credentials-value', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['warning', 'cluster.remote.a.credentials'],
        ['warning', 'cluster.remote.b.credentials'],
      ],
    );
    for (const finding of eckFindings(text)) {
      assert.ok(!finding.message.includes('ui2lp2axTNmsyakw9tvNnw') && !finding.message.includes('abc'), finding.message);
    }
  });

  test('decodes `data` values and rejects ones that are not base64', () => {
    const doubleEncoded = Buffer.from(ENCODED).toString('base64');
    assert.deepEqual(
      eckFindingsOf(
        'eck-secret-credentials-value',
        secret(`cluster.remote.a.credentials: ${doubleEncoded}`, 'data') + '---\n' + local,
      ),
      [],
    );
    const notBase64 = eckFindingsOf(
      'eck-secret-credentials-value',
      secret('cluster.remote.a.credentials: "not base64!"', 'data') + '---\n' + local,
    );
    assert.deepEqual(
      notBase64.map((f) => f.severity),
      ['error'],
    );
    const rawInData = eckFindingsOf(
      'eck-secret-credentials-value',
      secret(`cluster.remote.a.credentials: ${Buffer.from('id:key').toString('base64')}`, 'data') + '---\n' + local,
    );
    assert.deepEqual(
      rawInData.map((f) => f.severity),
      ['warning'],
    );
  });

  test('accepts the encoded key in stringData', () => {
    assert.deepEqual(
      eckFindingsOf('eck-secret-credentials-value', `${secret(`cluster.remote.a.credentials: ${ENCODED}`)}---\n${local}`),
      [],
    );
  });
});

describe('keystore credential aliases of a nodeSet (for the security-model rules)', () => {
  test('combines ECK-managed API-key remotes with credentials loaded through secureSettings', () => {
    const text = `${secret(`cluster.remote.cloud.credentials: ${ENCODED}\nother.setting: x`)}---\n${elasticsearch(
      'local',
      'version: 8.15.0\nsecureSettings:\n  - secretName: remote-api-keys\nremoteClusters:\n  - name: west\n    elasticsearchRef: {name: west}\n    apiKey:\n      access:\n        search:\n          names: ["*"]\nnodeSets:\n  - name: default\n    count: 1\n    config:\n      cluster.remote.cloud.mode: proxy',
    )}`;
    const document = manifest(text);
    assert.deepEqual(eckKeystoreCredentialAliases(document, document.scopes[0], {}), ['cloud', 'west']);
  });

  test('is unknown while a referenced Secret cannot be found', () => {
    const document = manifest(
      elasticsearch(
        'local',
        'version: 8.15.0\nsecureSettings:\n  - secretName: elsewhere\nnodeSets:\n  - name: default\n    count: 1\n    config:\n      node.roles: [master]',
      ),
    );
    assert.equal(eckKeystoreCredentialAliases(document, document.scopes[0], {}), undefined);
    const workspace = {
      eckWorkspace: {
        elasticsearches: [],
        secrets: [{ uri: 'file:///k8s/s.yaml', name: 'elsewhere', keys: ['cluster.remote.a.credentials'] }],
        operatorVersions: [],
      },
    };
    assert.deepEqual(eckKeystoreCredentialAliases(document, document.scopes[0], workspace), ['a']);
  });
});

describe('a Secret of remote cluster credentials checked on its own', () => {
  const uri = 'file:///k8s/remote-api-keys.yaml';

  test('is recognised and its key names and values are checked, never quoting a value', () => {
    const raw = 'VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw';
    const text = secret(
      `cluster.remote.west.credentials: ${ENCODED}\ncluster.remote.east.credential: ${ENCODED}\ncluster.remote.north.credentials: ${raw}`,
    );
    assert.equal(manifest(text, uri).kind, 'eck-manifest');
    const found = eckFindings(text, {}, uri);
    assert.deepEqual(
      found.map((f) => [f.line, f.ruleId, f.text]),
      [
        [7, 'eck-secure-settings-credentials-key', 'cluster.remote.east.credential'],
        [8, 'eck-secret-credentials-value', 'cluster.remote.north.credentials'],
      ],
    );
    assert.ok(found.every((f) => !f.message.includes(raw) && !f.message.includes(ENCODED)));
  });

  test('leaves other Secrets alone', () => {
    const text = secret('s3.client.default.access_key: AKIAEXAMPLE\npassword: hunter2');
    assert.equal(manifest(text, uri).kind, 'unrelated');
    assert.deepEqual(eckFindings(text, {}, uri), []);
  });
});
