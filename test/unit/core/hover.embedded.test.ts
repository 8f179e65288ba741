import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../server/src/core/hover';
import { doc } from '../helpers';

/** Hover at the first occurrence of `needle` (plus `delta` characters): its text and the text it spans. */
function hover(text: string, needle: string, delta: number, uri: string) {
  const document = doc(text, uri);
  const offset = document.text.indexOf(needle);
  assert.ok(offset >= 0, `fixture contains ${needle}`);
  const result = hoverAt(document, offset + delta);
  return result ? { markdown: result.markdown, text: document.text.slice(result.span.start, result.span.end) } : undefined;
}

describe('hover on settings embedded in another file', () => {
  test('explains a key segment and an address inside a ConfigMap block', () => {
    const text = 'kind: ConfigMap\ndata:\n  elasticsearch.yml: |-\n    cluster.remote.west.seeds: "west.example.com:9300"\n';
    const key = hover(text, 'seeds', 1, 'file:///k8s/es.yaml');
    assert.equal(key?.text, 'seeds');
    assert.match(key?.markdown ?? '', /cluster\.remote\.west\.seeds/);
    const address = hover(text, 'west.example.com', 2, 'file:///k8s/es.yaml');
    assert.equal(address?.text, 'west.example.com:9300');
    assert.match(address?.markdown ?? '', /9300 is the transport port/);
  });

  test('explains the parts of a Compose `name=value` item; nothing on the rest of the file', () => {
    const text = [
      'services:',
      '  es:',
      '    image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0',
      '    environment:',
      '      - "cluster.remote.west.mode=proxy"',
      '',
    ].join('\n');
    const uri = 'file:///stack/docker-compose.yaml';
    assert.equal(hover(text, 'mode=', 1, uri)?.text, 'mode');
    const value = hover(text, 'proxy', 1, uri);
    assert.equal(value?.text, 'proxy');
    assert.match(value?.markdown ?? '', /proxy_address/);
    assert.equal(hover(text, 'image', 1, uri), undefined);
  });
});
