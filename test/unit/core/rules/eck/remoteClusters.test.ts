import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

const es = elasticsearch;

const WITH_REMOTE_SERVER = es(
  'west',
  `
  version: 8.15.0
  remoteClusterServer:
    enabled: true
`,
);

describe('eck-version-format', () => {
  test('flags a YAML number and a version without patch', () => {
    assert.deepEqual(
      eckFindingsOf('eck-version-format', es('a', 'version: 8.15')).map((f) => f.text),
      ['8.15'],
    );
    const found = eckFindingsOf('eck-version-format', es('a', 'version: "8.x"'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /major\.minor\.patch/);
  });

  test('accepts full versions, pre-release labels and kustomize patches without a version', () => {
    for (const spec of ['version: 8.15.3', 'version: "9.0.0-SNAPSHOT"', 'remoteClusterServer: {enabled: true}']) {
      assert.deepEqual(eckFindingsOf('eck-version-format', es('a', spec)), [], spec);
    }
  });
});

describe('eck-remote-cluster-server-version (rule 55)', () => {
  test('is an error before 8.10.0, at the enabled key', () => {
    const found = eckFindingsOf(
      'eck-remote-cluster-server-version',
      es('a', 'version: 8.9.2\nremoteClusterServer:\n  enabled: true'),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].text, 'enabled');
    assert.match(found[0].message, /8\.10\.0/);
  });

  test('is silent from 8.10.0 (pre-releases included), when disabled, or without a version', () => {
    for (const spec of [
      'version: 8.10.0\nremoteClusterServer:\n  enabled: true',
      'version: 8.10.0-SNAPSHOT\nremoteClusterServer:\n  enabled: true',
      'version: 8.9.2\nremoteClusterServer:\n  enabled: false',
      'remoteClusterServer:\n  enabled: true',
    ]) {
      assert.deepEqual(eckFindingsOf('eck-remote-cluster-server-version', es('a', spec)), [], spec);
    }
  });
});

const API_KEY_ENTRY = `
remoteClusters:
  - name: west
    elasticsearchRef:
      name: west
    apiKey:
      access:
        search:
          - names: ["logs-*"]
`;

describe('eck-api-key-version (rules 56, 24)', () => {
  test('is an error before 8.10.0 and a warning for the 8.10 to 8.13 beta', () => {
    const old = eckFindingsOf('eck-api-key-version', es('a', `version: 8.9.0${API_KEY_ENTRY}`));
    assert.deepEqual(
      old.map((f) => [f.severity, f.text]),
      [['error', 'apiKey']],
    );
    const beta = eckFindingsOf('eck-api-key-version', es('a', `version: 8.12.1${API_KEY_ENTRY}`));
    assert.deepEqual(
      beta.map((f) => [f.severity, f.text]),
      [['warning', 'apiKey']],
    );
  });

  test('is silent from 8.14.0, for certificate-model entries and when the version is unknown', () => {
    assert.deepEqual(eckFindingsOf('eck-api-key-version', es('a', `version: 8.14.0${API_KEY_ENTRY}`)), []);
    assert.deepEqual(
      eckFindingsOf(
        'eck-api-key-version',
        es('a', 'version: 8.9.0\nremoteClusters:\n  - name: w\n    elasticsearchRef:\n      name: w'),
      ),
      [],
    );
    assert.deepEqual(eckFindingsOf('eck-api-key-version', es('a', API_KEY_ENTRY)), []);
  });
});

describe('eck-api-key-remote-without-server (rule 57)', () => {
  const local = es('east', `version: 8.15.0${API_KEY_ENTRY}`);

  test('warns when the referenced Elasticsearch in the same file lacks the remote cluster server', () => {
    const found = eckFindingsOf('eck-api-key-remote-without-server', `${local}---\n${es('west', 'version: 8.15.0')}`);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].line, 10);
    assert.equal(found[0].text, 'west');
    assert.match(found[0].message, /remoteClusterServer\.enabled: true/);
    const text = `${local}---\n${es('west', 'version: 8.15.0')}`;
    const after = fixed(text, 'eck-api-key-remote-without-server');
    assert.equal(after, `${local}---\n${WITH_REMOTE_SERVER}`);
    assert.deepEqual(eckFindingsOf('eck-api-key-remote-without-server', after), []);
  });

  test('offers no fix that would enable the server on a remote too old for it', () => {
    const [found] = eckFindingsOf('eck-api-key-remote-without-server', `${local}---\n${es('west', 'version: 8.9.0')}`);
    assert.equal(found.fixes, undefined);
  });

  test('uses definitions from other workspace files passed in the options', () => {
    const workspace = (enabled: boolean) => ({
      eckWorkspace: {
        elasticsearches: [{ uri: 'file:///k8s/west.yaml', name: 'west', version: '8.15.0', remoteClusterServerEnabled: enabled }],
        secrets: [],
        operatorVersions: [],
      },
    });
    const found = eckFindingsOf('eck-api-key-remote-without-server', local, workspace(false));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /in the workspace/);
    assert.deepEqual(eckFindingsOf('eck-api-key-remote-without-server', local, workspace(true)), []);
  });

  test('is silent when the remote enables the server (even only in a kustomize patch), when unknown, or in another namespace', () => {
    assert.deepEqual(eckFindingsOf('eck-api-key-remote-without-server', `${local}---\n${WITH_REMOTE_SERVER}`), []);
    const patch = es('west', 'remoteClusterServer:\n  enabled: true');
    assert.deepEqual(
      eckFindingsOf('eck-api-key-remote-without-server', `${local}---\n${es('west', 'version: 8.15.0')}---\n${patch}`),
      [],
    );
    assert.deepEqual(eckFindingsOf('eck-api-key-remote-without-server', local), []);
    const elsewhere = es('west', 'version: 8.15.0', 'other');
    const scoped = es('east', `version: 8.15.0${API_KEY_ENTRY}`, 'prod');
    assert.deepEqual(eckFindingsOf('eck-api-key-remote-without-server', `${scoped}---\n${elsewhere}`), []);
  });

  test('ignores certificate-model entries, which connect to the transport Service', () => {
    const cert = es('east', 'version: 8.15.0\nremoteClusters:\n  - name: west\n    elasticsearchRef:\n      name: west');
    assert.deepEqual(eckFindingsOf('eck-api-key-remote-without-server', `${cert}---\n${es('west', 'version: 8.15.0')}`), []);
  });
});

describe('eck-certificate-model-deprecated (rule 22)', () => {
  const cert = 'remoteClusters:\n  - name: west\n    elasticsearchRef:\n      name: west';
  test('notes the deprecated certificate model on 9.x', () => {
    const found = eckFindingsOf('eck-certificate-model-deprecated', es('a', `version: 9.0.1\n${cert}`));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', 'west']],
    );
  });
  test('is silent on 8.x and for API-key entries', () => {
    assert.deepEqual(eckFindingsOf('eck-certificate-model-deprecated', es('a', `version: 8.19.0\n${cert}`)), []);
    assert.deepEqual(eckFindingsOf('eck-certificate-model-deprecated', es('a', `version: 9.0.1${API_KEY_ENTRY}`)), []);
  });
});

describe('eck-remote-cluster-name (rule 58)', () => {
  test('requires a non-empty name', () => {
    const missing = eckFindingsOf('eck-remote-cluster-name', es('a', 'remoteClusters:\n  - elasticsearchRef:\n      name: b'));
    assert.deepEqual(
      missing.map((f) => f.text),
      ['elasticsearchRef'],
    );
    const empty = eckFindingsOf(
      'eck-remote-cluster-name',
      es('a', 'remoteClusters:\n  - name: ""\n    elasticsearchRef:\n      name: b'),
    );
    assert.deepEqual(
      empty.map((f) => f.text),
      ['name'],
    );
  });

  test('flags the second use of a name and points back at the first', () => {
    const found = eckFindingsOf(
      'eck-remote-cluster-name',
      es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef: {name: b}\n  - name: b\n    elasticsearchRef: {name: c}'),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 9);
    assert.equal(found[0].related?.length, 1);
  });

  test('rejects aliases Elasticsearch cannot parse and asks for lowercase with API keys', () => {
    const bad = eckFindingsOf(
      'eck-remote-cluster-name',
      es('a', 'remoteClusters:\n  - name: eu.west\n    elasticsearchRef: {name: b}'),
    );
    assert.deepEqual(
      bad.map((f) => [f.severity, f.text]),
      [['error', 'eu.west']],
    );
    const upper = eckFindingsOf('eck-remote-cluster-name', es('a', `${API_KEY_ENTRY.replace('name: west', 'name: West')}`));
    assert.deepEqual(
      upper.map((f) => [f.severity, f.text]),
      [['warning', 'West']],
    );
  });

  test('accepts distinct valid names, uppercase ones without API keys too', () => {
    const spec =
      'remoteClusters:\n  - name: west-1\n    elasticsearchRef: {name: b}\n  - name: East_2\n    elasticsearchRef: {name: c}';
    assert.deepEqual(eckFindingsOf('eck-remote-cluster-name', es('a', spec)), []);
  });
});

describe('eck-remote-cluster-without-ref (rule 59)', () => {
  test('warns about entries ECK silently ignores', () => {
    const found = eckFindingsOf(
      'eck-remote-cluster-without-ref',
      es('a', 'remoteClusters:\n  - name: b\n  - name: c\n    elasticsearchRef:\n      namespace: x'),
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['warning', 'b'],
        ['warning', 'elasticsearchRef'],
      ],
    );
  });
  test('is silent when the reference names a resource', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-without-ref',
        es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b'),
      ),
      [],
    );
  });
});

describe('eck-remote-cluster-service-name-ignored (rule 60)', () => {
  const text = es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b\n      serviceName: b-custom\n');
  test('marks serviceName as unnecessary and removes it', () => {
    const found = eckFindingsOf('eck-remote-cluster-service-name-ignored', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text, f.tags]),
      [['info', 'serviceName', ['unnecessary']]],
    );
    assert.equal(fixed(text, 'eck-remote-cluster-service-name-ignored'), text.replace('        serviceName: b-custom\n', ''));
  });
  test('is silent without serviceName', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-service-name-ignored',
        es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b'),
      ),
      [],
    );
  });
});

describe('eck-api-key-access (rule 61)', () => {
  const entry = (apiKey: string) =>
    es(
      'a',
      `version: 8.15.0\nremoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b\n    apiKey:\n${dedent(apiKey).replace(/^/gm, '      ')}`,
    );

  test('requires access, names in each section and both halves of field_security', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-api-key-access',
        es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef: {name: b}\n    apiKey: {}'),
      ).map((f) => f.text),
      ['apiKey'],
    );
    const found = eckFindingsOf(
      'eck-api-key-access',
      entry(`
        access:
          search:
            field_security:
              grant: ["*"]
          replication: {}
      `),
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', 'search'],
        ['error', 'field_security'],
        ['error', 'replication'],
      ],
    );
    assert.match(found[1].message, /add `except`/);
  });

  test('warns when access grants nothing', () => {
    assert.deepEqual(
      eckFindingsOf('eck-api-key-access', entry('access: {}')).map((f) => [f.severity, f.text]),
      [['warning', 'access']],
    );
  });

  test('accepts complete search and replication access written as objects, as in ECK recipes', () => {
    const ok = entry(`
      access:
        search:
          names: ["logs-*"]
          field_security:
            grant: ["*"]
            except: []
          query: {term: {team: a}}
        replication:
          names: ["leader-*"]
    `);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', ok), []);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', entry('access:\n  search: {names: ["*"]}')), []);
  });

  test('rejects the list form of the Elasticsearch API body, with a fix for a single entry', () => {
    const block = entry(`
      access:
        search:
          - names: ["logs-*"]
            allow_restricted_indices: false
    `);
    const found = eckFindingsOf('eck-api-key-access', block);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', 'search']],
    );
    assert.match(found[0].message, /one object, not a list/);
    const after = fixed(block, 'eck-api-key-access');
    assert.match(after, /search:\n {14}names: \["logs-\*"\]\n {14}allow_restricted_indices: false/);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', after), []);

    const flow = entry('access:\n  search: [{names: ["*"]}]');
    assert.match(fixed(flow, 'eck-api-key-access'), /search: \{names: \["\*"\]\}/);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', fixed(flow, 'eck-api-key-access')), []);

    const two = eckFindingsOf('eck-api-key-access', entry('access:\n  replication:\n    - names: ["a-*"]\n    - names: ["b-*"]'));
    assert.deepEqual(
      two.map((f) => [f.text, f.fixes?.length ?? 0]),
      [['replication', 0]],
    );
  });
});

describe('eck-cross-namespace-remote (rule 70)', () => {
  const spec = 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b\n      namespace: other';
  test('notes a remote in another namespace without a service account', () => {
    const found = eckFindingsOf('eck-cross-namespace-remote', es('a', spec, 'prod'));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', 'other']],
    );
  });
  test('is silent in the same namespace or with serviceAccountName', () => {
    assert.deepEqual(eckFindingsOf('eck-cross-namespace-remote', es('a', spec, 'other')), []);
    assert.deepEqual(eckFindingsOf('eck-cross-namespace-remote', es('a', `serviceAccountName: es-a\n${spec}`, 'prod')), []);
  });
});

describe('eck-v1beta1-field', () => {
  const beta = dedent(`
    apiVersion: elasticsearch.k8s.elastic.co/v1beta1
    kind: Elasticsearch
    metadata: { name: a }
    spec:
      version: 7.17.0
      remoteClusters:
        - name: b
          elasticsearchRef: { name: b }
  `);
  test('warns about fields v1beta1 drops and switches apiVersion to v1', () => {
    const found = eckFindingsOf('eck-v1beta1-field', beta);
    assert.deepEqual(
      found.map((f) => f.text),
      ['remoteClusters'],
    );
    assert.equal(fixed(beta, 'eck-v1beta1-field'), beta.replace('/v1beta1', '/v1'));
  });
  test('is silent for v1 and for v1beta1 fields', () => {
    assert.deepEqual(eckFindingsOf('eck-v1beta1-field', beta.replace('/v1beta1', '/v1')), []);
    assert.deepEqual(
      eckFindingsOf('eck-v1beta1-field', beta.replace(/ {2}remoteClusters:[\s\S]*/, '  secureSettings:\n    - secretName: s\n')),
      [],
    );
  });
});
