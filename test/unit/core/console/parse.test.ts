import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConsole, routeOf, withTripleQuotesAsJson } from '../../../../server/src/core/console/parse';
import { REQUEST_TEMPLATES, routeFor } from '../../../../server/src/core/console/routes';
import { dedent } from '../../helpers';

const slice = (text: string, span?: { start: number; end: number }) => (span ? text.slice(span.start, span.end) : undefined);

describe('Console request file parser', () => {
  test('splits requests, bodies and comments with exact ranges', () => {
    const text = dedent(`
      # Remote clusters
      GET _remote/info

      // then configure
      PUT /_cluster/settings?flat_settings=true
      {
        "persistent": {
          "cluster.remote.west.mode": "proxy"
        }
      }
      POST _bulk
      { "index": { "_index": "a" } }
      { "field": 1 }
    `);
    const file = parseConsole(text);
    assert.deepEqual(
      file.requests.map((r) => [r.method, r.path, r.route]),
      [
        ['GET', '_remote/info', '_remote/info'],
        ['PUT', '/_cluster/settings?flat_settings=true', '_cluster/settings'],
        ['POST', '_bulk', '_bulk'],
      ],
    );
    assert.equal(file.requests[0].body, undefined);
    assert.equal(slice(text, file.requests[1].body), '{\n  "persistent": {\n    "cluster.remote.west.mode": "proxy"\n  }\n}');
    assert.equal(
      slice(text, file.requests[2].body),
      '{ "index": { "_index": "a" } }\n{ "field": 1 }',
      'newline-delimited bodies stay together',
    );
    assert.equal(slice(text, file.requests[1].methodSpan), 'PUT');
    assert.deepEqual(
      file.comments.map((c) => slice(text, c)),
      ['# Remote clusters', '// then configure'],
    );
    assert.deepEqual(file.problems, []);
  });

  test('keeps request-looking lines inside triple-quoted strings and block comments as body text', () => {
    const text =
      'POST _scripts/x\n{\n  "script": """\nGET not/a/request\n""",\n  /* PUT neither\n  */ "a": 1\n}\nGET _cluster/health\n';
    const file = parseConsole(text);
    assert.deepEqual(
      file.requests.map((r) => r.method),
      ['POST', 'GET'],
    );
    assert.ok(slice(text, file.requests[0].body)!.endsWith('"a": 1\n}'));
    const json = withTripleQuotesAsJson(slice(text, file.requests[0].body)!);
    assert.equal(json.length, file.requests[0].body!.end - file.requests[0].body!.start, 'offsets are preserved');
    assert.doesNotThrow(() => JSON.parse(json.replace(/\/\*[\s\S]*?\*\//, '')));
  });

  test('ends an unfinished body at the next request line', () => {
    const text = 'PUT _cluster/settings\n{\n  "persistent": {\n\nGET _cluster/settings\n';
    const file = parseConsole(text);
    assert.deepEqual(
      file.requests.map((r) => r.method),
      ['PUT', 'GET'],
    );
    assert.equal(slice(text, file.requests[0].body), '{\n  "persistent": {');
  });

  test('reports unknown methods, stray text and bodies without a request', () => {
    const text = '{ "a": 1 }\nGETT _cluster/settings\nPUT _cluster/settings\n{ }\noops\n';
    const file = parseConsole(text);
    assert.deepEqual(
      file.problems.map((p) => [p.kind, slice(text, p.span)]),
      [
        ['body-without-request', '{ "a": 1 }'],
        ['unknown-method', 'GETT'],
        ['stray-text', 'oops'],
      ],
    );
  });

  test('accepts lower-case methods and Kibana `kbn:` paths', () => {
    const file = parseConsole('get kbn:/api/status\n');
    assert.equal(file.requests[0].method, 'GET');
    assert.equal(file.requests[0].route, 'api/status');
    assert.equal(routeOf('/_security/role/my-role/?pretty#x'), '_security/role/my-role');
  });
});

describe('Console routes', () => {
  test('chooses the body kind from method and path', () => {
    assert.deepEqual(
      [
        '_cluster/settings',
        '_security/cross_cluster/api_key',
        '_security/cross_cluster/api_key/abc',
        '_security/role/reader',
        '_security/role',
        'api/v1/deployments/d1',
        'deployments/d1/elasticsearch/main-elasticsearch/remote-clusters',
        'api/v1/deployments/d1/elasticsearch/main-elasticsearch/keystore',
      ].map((route) => {
        const match = routeFor(route);
        return [match?.kind, match?.variant, match?.deploymentId];
      }),
      [
        ['cluster-settings', undefined, undefined],
        ['cross-cluster-api-key', 'create', undefined],
        ['cross-cluster-api-key', 'update', undefined],
        ['security-role', undefined, undefined],
        ['security-role', 'bulk', undefined],
        ['cloud-trust', undefined, 'd1'],
        ['cloud-remote-clusters', undefined, 'd1'],
        ['cloud-keystore', undefined, 'd1'],
      ],
    );
    assert.equal(routeFor('_search'), undefined);
    assert.equal(routeFor('_security/role/a/b'), undefined);
  });

  test('completes only paths and methods the routes accept for a body', () => {
    for (const template of REQUEST_TEMPLATES) {
      const match = routeFor(template.path.replace(/<[^>]+>/g, 'x'));
      for (const method of template.methods) {
        if (method === 'PUT' || method === 'POST' || method === 'PATCH') {
          assert.ok(match?.methods.includes(method) || !match, `${method} ${template.path}`);
          assert.ok(match || template.path === '_nodes/reload_secure_settings', `${method} ${template.path} has a body route`);
        }
      }
    }
  });
});
