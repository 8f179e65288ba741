import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_KEY_ENTRY, es } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

const WITH_REMOTE_SERVER = es(
  'west',
  `
  version: 8.15.0
  remoteClusterServer:
    enabled: true
`,
);

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
