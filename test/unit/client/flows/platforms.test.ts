import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { guessPlatform } from '../../../../client/src/flows/platforms';

describe('where a cluster runs, guessed from its connection', () => {
  test('Cloud endpoints and Cloud IDs, Kubernetes Services, this machine and private addresses', () => {
    assert.equal(guessPlatform({ cloudId: 'prod:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmMkZGVm' }), 'cloud');
    assert.equal(guessPlatform({ url: 'https://prod.es.eu-west-1.aws.found.io:9243' }), 'cloud');
    assert.equal(guessPlatform({ url: 'https://my-deployment.es.us-central1.gcp.cloud.es.io' }), 'cloud');
    assert.equal(guessPlatform({ url: 'https://quickstart-es-http.search.svc:9200' }), 'eck');
    for (const url of [
      'http://127.0.0.1:9200',
      'https://localhost:9200',
      'https://10.1.2.3:9200',
      'https://172.20.0.4:9200',
      'https://192.168.1.9:9200',
      'https://es01:9200',
      'https://[::1]:9200',
    ]) {
      assert.equal(guessPlatform({ url }), 'self-managed', url);
    }
    for (const url of ['https://es.example.com:9200', 'https://172.32.0.1:9200', 'https://8.8.8.8:9200', 'not a url'])
      assert.equal(guessPlatform({ url }), undefined, url);
  });
});
