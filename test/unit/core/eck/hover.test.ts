import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../../server/src/core/hover';
import { HEAD, atCursor } from './support';

describe('ECK hover', () => {
  function hover(text: string) {
    const { document, offset } = atCursor(text);
    return hoverAt(document, offset);
  }

  test('documents remote-cluster fields, including the license requirement of remoteClusters', () => {
    const result = hover(`${HEAD}    remoteClu|sters:\n      - name: a\n`);
    assert.ok(result);
    assert.match(result.markdown, /Enterprise/);
    assert.match(result.markdown, /spec\.remoteClusters/);
    const enabled = hover(`${HEAD}    remoteClusterServer:\n      ena|bled: true\n`);
    assert.match(enabled?.markdown ?? '', /8\.10\.0 or later/);
  });

  test('explains which Service ECK connects to for a remote, from the model in use', () => {
    const text = `${HEAD}  namespace: prod\n    remoteClusters:\n      - name: west\n        elasticsearchRef:\n          name: we|st\n        apiKey:\n          access: {search: {names: ["*"]}}\n`;
    const result = hover(text.replace('  namespace: prod\n', ''));
    assert.match(result?.markdown ?? '', /west-es-remote-cluster\.<namespace>\.svc:9443/);
    assert.match(result?.markdown ?? '', /Not defined in this file/);
    const cert = hover(`${HEAD}    remoteClusters:\n      - name: west\n        elasticsearchRef:\n          name: we|st\n`);
    assert.match(cert?.markdown ?? '', /west-es-transport\.<namespace>\.svc:9300/);
  });

  test('keeps the elasticsearch.yml hover inside nodeSets[].config', () => {
    const result = hover(`${HEAD}    nodeSets:\n      - name: default\n        config:\n          remote_cluster.po|rt: 9443\n`);
    assert.match(result?.markdown ?? '', /remote_cluster\.port/);
    assert.doesNotMatch(result?.markdown ?? '', /ECK documentation/);
  });

  test('has nothing to say about fields outside the catalog', () => {
    assert.equal(
      hover(`${HEAD}    nodeSets:\n      - name: default\n        coun|t: 3\n`)?.markdown.includes('Number of nodes'),
      true,
    );
    assert.equal(hover(`${HEAD}    http:\n      tl|s: {}\n`), undefined);
  });
});
