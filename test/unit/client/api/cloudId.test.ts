import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeCloudId } from '../../../../client/src/api/cloudId';

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('Cloud ID decoding', () => {
  test('a Cloud ID without port gives https://<es-uuid>.<host>', () => {
    const result = decodeCloudId(
      `prod-logs:${encode('europe-west1.gcp.cloud.es.io$0123456789abcdef0123456789abcdef$fedcba9876543210fedcba9876543210')}`,
    );
    assert.ok(result.ok);
    assert.equal(result.value.label, 'prod-logs');
    assert.equal(result.value.elasticsearchUrl, 'https://0123456789abcdef0123456789abcdef.europe-west1.gcp.cloud.es.io');
    assert.equal(result.value.kibanaUrl, 'https://fedcba9876543210fedcba9876543210.europe-west1.gcp.cloud.es.io');
  });

  test('port 443 given with the host is left out of the URL, other ports are kept', () => {
    const standard = decodeCloudId(`a:${encode('us-central1.gcp.cloud.es.io:443$abc$def')}`);
    assert.ok(standard.ok);
    assert.equal(standard.value.elasticsearchUrl, 'https://abc.us-central1.gcp.cloud.es.io');
    const custom = decodeCloudId(`a:${encode('ece.example.com:9243$abc$def')}`);
    assert.ok(custom.ok);
    assert.equal(custom.value.elasticsearchUrl, 'https://abc.ece.example.com:9243');
  });

  test('a port given with the Elasticsearch ID wins over the host port', () => {
    const result = decodeCloudId(`a:${encode('ece.example.com:9243$abc:9443$def')}`);
    assert.ok(result.ok);
    assert.equal(result.value.elasticsearchUrl, 'https://abc.ece.example.com:9443');
    assert.equal(result.value.kibanaUrl, 'https://def.ece.example.com:9243');
  });

  test('a label containing colons and a missing Kibana part still decode', () => {
    const result = decodeCloudId(`team:prod:logs:${encode('host.example.com$abc')}`);
    assert.ok(result.ok);
    assert.equal(result.value.label, 'team:prod:logs');
    assert.equal(result.value.kibanaUrl, undefined);
    assert.equal(result.value.elasticsearchUrl, 'https://abc.host.example.com');
  });

  test('garbage is reported in words, never thrown', () => {
    for (const bad of [
      '',
      'just-a-label:',
      'label:not base64!',
      `label:${encode('no-dollar-sign')}`,
      `label:${encode('$abc$def')}`,
      `label:${encode('host with space$abc$def')}`,
      `label:${encode('host:99999$abc$def')}`,
    ]) {
      const result = decodeCloudId(bad);
      assert.equal(result.ok, false, `"${bad}" should not decode`);
      if (!result.ok) assert.match(result.problem, /Cloud ID/);
    }
  });
});
