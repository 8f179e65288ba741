import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeAt } from '../../../../server/src/core/completion';
import { hoverAt } from '../../../../server/src/core/hover';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { consoleDoc, fixture, jsonDoc, offsetOf, pemJson } from './support';

describe('completion in JSON bodies', () => {
  test('offers the fields of the schema at the cursor, without those already written', () => {
    const document = jsonDoc('{ "name": "k", "access": { "search": [ { "names": ["a"], "" } ] } }');
    const labels = completeAt(document, offsetOf(document, '"" }', 1)).map((c) => c.label);
    assert.deepEqual(labels.sort(), ['allow_restricted_indices', 'field_security', 'query']);
  });

  test('offers enum values with their descriptions', () => {
    const document = jsonDoc('{ "remote_cluster": [ { "clusters": ["*"], "privileges": [""] } ] }');
    const candidates = completeAt(document, offsetOf(document, '[""]', 2));
    assert.deepEqual(
      candidates.map((c) => c.label),
      ['"monitor_enrich"', '"monitor_stats"'],
    );
    assert.match(candidates[0].documentation ?? '', /enrich policies/);
    assert.equal(candidates[0].kind, 'value');
  });

  test('replaces exactly what the user typed (document offsets, also inside a Console file)', () => {
    const document = consoleDoc('GET _cluster/health\n\nPOST _security/cross_cluster/api_key\n{ "name": "k", "acc" }\n');
    const offset = offsetOf(document, '"acc"', 3);
    const access = completeAt(document, offset).find((c) => c.label === 'access')!;
    assert.ok(access, 'access is offered');
    assert.equal(document.text.slice(access.replaceSpan.start, access.replaceSpan.end), '"acc"');
    assert.match(access.insertText, /^"access": \{/);
  });

  test('leaves schema completion to VS Code for files named by the convention', () => {
    const document = parseConfigDocument({ uri: 'file:///w/x.role.json', text: '{ "" }', languageId: 'json' });
    assert.deepEqual(completeAt(document, 3), []);
  });

  test('hands `_cluster/settings` blocks to the settings completion and offers the top-level fields outside them', () => {
    const document = consoleDoc('PUT _cluster/settings\n{ "persistent": { "cluster.remote.west.mode": "proxy", "" }, "" }\n');
    const inside = completeAt(document, offsetOf(document, '"" }', 1)).map((c) => c.label);
    assert.ok(inside.includes('cluster.remote.west.proxy_address'), inside.join(', '));
    const outside = completeAt(document, offsetOf(document, '"" }', 1, 1)).map((c) => c.label);
    assert.deepEqual(outside, ['transient']);
  });

  test('offers aliases configured in the same file for role clusters and keystore entries', () => {
    const document = consoleDoc(`
      PUT _cluster/settings
      { "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443", "cluster.remote.east.seeds": ["e:9300"] } }
      PUT _security/role/remote
      { "remote_indices": [ { "clusters": [""], "names": ["a"], "privileges": ["read"] } ] }
      PATCH /api/v1/deployments/abc/elasticsearch/main-elasticsearch/keystore
      { "secrets": { "" } }
    `);
    const clusters = completeAt(document, offsetOf(document, '[""]', 2));
    assert.deepEqual(
      clusters.map((c) => c.label),
      ['east', 'west'],
    );
    assert.equal(clusters[0].insertText, '"east"');
    const secrets = completeAt(document, offsetOf(document, '{ "" }', 3));
    assert.deepEqual(
      secrets.map((c) => c.label),
      ['cluster.remote.east.credentials', 'cluster.remote.west.credentials'],
    );
    assert.match(secrets[1].insertText, /^"cluster\.remote\.west\.credentials": \{ "value": /);
  });
});

describe('completion on Console request lines', () => {
  test('offers HTTP methods at the start of a line and known API paths after a method', () => {
    const document = consoleDoc('PU\nPUT _sec\nPATCH /api\n');
    const methods = completeAt(document, 2);
    assert.deepEqual(
      methods.map((c) => c.label),
      ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'],
    );
    assert.deepEqual(methods[2].replaceSpan, { start: 0, end: 2 });
    const paths = completeAt(document, offsetOf(document, '_sec', 4));
    // Every path that takes PUT; VS Code filters them by what was typed.
    assert.deepEqual(
      paths.map((c) => c.label),
      [
        '_cluster/settings',
        '_security/cross_cluster/api_key/<id>',
        '_security/role/<name>',
        'api/v1/deployments/<id>',
        'api/v1/deployments/<id>/elasticsearch/<ref_id>/remote-clusters',
      ],
    );
    assert.deepEqual(document.text.slice(paths[0].replaceSpan.start, paths[0].replaceSpan.end), '_sec');
    assert.equal(paths[1].insertText, '_security/cross_cluster/api_key/${1:id}');
    const cloud = completeAt(document, offsetOf(document, '/api', 4)).map((c) => c.label);
    assert.deepEqual(cloud, ['/api/v1/deployments/<id>/elasticsearch/<ref_id>/keystore']);
  });

  test('offers nothing inside comments', () => {
    assert.deepEqual(completeAt(consoleDoc('# PU\n'), 4), []);
  });
});

describe('hover in JSON bodies', () => {
  test('describes fields from the schema', () => {
    const document = jsonDoc('{ "name": "k", "access": { "replication": [ { "names": ["a"] } ] } }');
    const hover = hoverAt(document, offsetOf(document, '"replication"', 2));
    assert.match(hover?.markdown ?? '', /cross-cluster replication/);
    assert.equal(document.text.slice(hover!.span.start, hover!.span.end), '"replication"');
  });

  test('shows what a PEM certificate holds', () => {
    const document = jsonDoc(
      `{ "trust": { "direct": [ { "name": "x", "scope_id": "abc", "trust_all": true, "certificates": [ { "pem": ${pemJson(fixture('remote-ca.pem'))} } ] } ] } }`,
    );
    const hover = hoverAt(document, offsetOf(document, '-----BEGIN', 3));
    assert.match(hover?.markdown ?? '', /Subject \| `CN=Remote Cluster Test CA`/);
    assert.match(hover!.markdown, /\| CA \| yes/);
  });

  test('tells a deployment ID apart from a cluster ID in an allowlist', () => {
    const id = 'fedcba9876543210fedcba9876543210';
    const document = consoleDoc(
      `PUT /api/v1/deployments/${id}\n{ "trust": { "accounts": [ { "account_id": "1", "trust_all": false, "trust_allowlist": ["${id}"] } ] } }\n`,
    );
    const hover = hoverAt(document, offsetOf(document, `"${id}"`, 3));
    assert.match(hover?.markdown ?? '', /is a deployment ID/);
  });

  test('lists the aliases a role cluster pattern matches', () => {
    const document = consoleDoc(`
      PUT _cluster/settings
      { "persistent": { "cluster.remote.prod-eu.seeds": ["a:9300"], "cluster.remote.prod-us.seeds": ["b:9300"], "cluster.remote.dev.seeds": ["c:9300"] } }
      PUT _security/role/r
      { "remote_indices": [ { "clusters": ["prod-*"], "names": ["a"], "privileges": ["read"] } ] }
    `);
    const hover = hoverAt(document, offsetOf(document, '"prod-*"', 2));
    assert.match(hover?.markdown ?? '', /`prod-eu`, `prod-us`\./);
  });

  test('explains Console request lines and keeps settings hover inside `_cluster/settings` bodies', () => {
    const document = consoleDoc(
      'POST /_security/cross_cluster/api_key\n{ "name": "k" }\nPUT _cluster/settings\n{ "persistent": { "cluster.remote.west.server_name": "w.example.com" } }\n',
    );
    assert.match(hoverAt(document, offsetOf(document, 'cross_cluster'))?.markdown ?? '', /Create a cross-cluster API key/);
    assert.match(hoverAt(document, offsetOf(document, 'server_name', 2))?.markdown ?? '', /SNI/);
    assert.match(hoverAt(document, offsetOf(document, '"persistent"', 2))?.markdown ?? '', /survive a full cluster restart/);
  });
});
