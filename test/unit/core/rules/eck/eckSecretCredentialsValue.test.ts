import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENCODED } from '../../../helpers';
import { local, secret } from '../../eck/fixtures';
import { eckFindings, eckFindingsOf, manifest } from '../../eck/support';

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
