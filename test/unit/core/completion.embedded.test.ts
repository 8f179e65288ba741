import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeAt } from '../../../server/src/core/completion';
import type { CompletionCandidate } from '../../../server/src/core/types';
import { doc } from '../helpers';

/** Completion at the `^` in the text (`|` starts block scalars here), opened under `uri`. */
function complete(textWithCursor: string, uri: string): CompletionCandidate[] {
  const offset = textWithCursor.indexOf('^');
  assert.ok(offset >= 0, 'the fixture marks the cursor with ^');
  return completeAt(doc(textWithCursor.replace('^', ''), uri), offset);
}

const keysOf = (candidates: CompletionCandidate[]) => candidates.map((c) => c.filterText ?? c.label);

const CONFIGMAP = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: es-config',
  'data:',
  '  elasticsearch.yml: |',
  '    cluster.remote.west.mode: proxy',
  '    cluster:',
  '      remote:',
  '        west.^',
  '',
].join('\n');

const COMPOSE = [
  'services:',
  '  es:',
  '    image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0',
  '    environment:',
  '      - cluster.remote.west.mode=proxy',
  '      - cluster.remote.west.^',
  '',
].join('\n');

describe('completion in settings embedded in another file', () => {
  test('inside a ConfigMap block, the parents are the keys of the block, not those of the manifest', () => {
    const found = complete(CONFIGMAP, 'file:///k8s/es.yaml');
    const keys = keysOf(found);
    assert.ok(keys.includes('west.proxy_address'), keys.join(', '));
    assert.ok(!keys.some((key) => key.startsWith('data.')), keys.join(', '));
    assert.ok(!keys.includes('west.seeds'), "the other mode's keys are not offered");
  });

  test('outside the block the manifest is not settings: nothing is offered', () => {
    assert.deepEqual(
      complete(CONFIGMAP.replace('west.^', 'west.').replace('  name: es-config', '  ^'), 'file:///k8s/es.yaml'),
      [],
    );
  });

  test('a Compose `- name=value` item gets names written as `name=value` and values after the `=`', () => {
    const names = complete(COMPOSE, 'file:///stack/compose.yaml');
    const address = names.find((c) => c.filterText === 'cluster.remote.west.proxy_address');
    assert.ok(address, keysOf(names).join(', '));
    assert.equal(address.insertText, 'cluster.remote.west.proxy_address=${1:host}:${2:9443}');
    const values = complete(COMPOSE.replace('west.^', 'west.skip_unavailable=^'), 'file:///stack/compose.yaml');
    assert.deepEqual(
      values.map((c) => c.insertText),
      ['true', 'false'],
    );
  });

  test('a Compose environment map gets flat `name: value` keys; the rest of the compose file gets nothing', () => {
    const text = [
      'services:',
      '  es:',
      '    image: elasticsearch:9.1.0',
      '    environment:',
      '      cluster.remote.west.mode: proxy',
      '      cluster.remote.west.^',
      '',
    ].join('\n');
    const keys = keysOf(complete(text, 'file:///stack/compose.yaml'));
    assert.ok(keys.includes('cluster.remote.west.proxy_address'), keys.join(', '));
    assert.deepEqual(complete(text.replace('west.^', 'west.').replace('  es:', '  ^'), 'file:///stack/compose.yaml'), []);
  });
});
