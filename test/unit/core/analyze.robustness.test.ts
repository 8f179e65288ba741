import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/core/analyze';
import { completeAt } from '../../../server/src/core/completion';
import { hoverAt } from '../../../server/src/core/hover';
import { parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import { findings } from '../helpers';

/** Pieces real elasticsearch.yml files are made of, to build plausible broken documents from. */
const FRAGMENTS = [
  'cluster.remote.a.seeds: ["a:9300"]',
  'cluster.remote.a.mode: proxy',
  'cluster.remote.a.proxy_address: [x, y]',
  'cluster:',
  '  remote:',
  '    b:',
  '      seeds:',
  '        - "fe80::1:9300"',
  '      mode: {a: 1}',
  '      skip_unavailable: [true]',
  'remote_cluster_server.enabled: true',
  'remote_cluster.port: 9443-9500',
  'node.roles: data',
  'node.roles: {x: 1}',
  'cluster.remote..seeds: [',
  '"cluster.remote.c.seeds": !!binary abc',
  'x: &anchor 1',
  'cluster.remote.d.seeds: *anchor',
  '? complex key',
  '- item',
  '\t bad indent',
  '---',
  '{"persistent": {"cluster.remote.a.seeds": null',
  '# comment',
  '',
];

function exercise(text: string, uri: string): void {
  const document = parseConfigDocument({ uri, text });
  const result = analyze(document, { stackVersion: '8.15.0', keystoreCredentialAliases: ['a'] });
  assert.deepEqual(result.ruleErrors, []);
  for (let offset = 0; offset <= text.length; offset++) {
    completeAt(document, offset);
    hoverAt(document, offset);
  }
}

describe('bad input never breaks the core', () => {
  test('analysis, completion and hover survive random mixes of real and broken lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }), (lines) => {
        exercise(lines.join('\n'), 'file:///etc/elasticsearch/elasticsearch.yml');
      }),
      { numRuns: 150 },
    );
  });

  test('survives arbitrary text as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        exercise(text, 'file:///etc/elasticsearch/elasticsearch.yml');
        exercise(text, 'file:///requests/cluster-settings.json');
      }),
      { numRuns: 150 },
    );
  });

  test('reports a YAML syntax error once and still runs the rules on what parsed', () => {
    const found = findings('cluster.remote.a.mode: proxi\ncluster.remote.b.seeds: [b:9300\n');
    assert.equal(found.filter((f) => f.ruleId === 'yaml-syntax').length, 1);
    assert.ok(found.some((f) => f.ruleId === 'mode-invalid' && f.text === 'proxi'));
  });

  test('reads values of the wrong type without reporting nonsense', () => {
    const found = findings(
      'cluster.remote.a.mode: [proxy]\ncluster.remote.a.seeds: {x: 1}\ncluster.remote.a.skip_unavailable: {}\n',
    );
    assert.deepEqual(
      found.filter((f) => f.ruleId === 'mode-invalid').map((f) => f.text),
      ['[proxy]'],
    );
  });
});
