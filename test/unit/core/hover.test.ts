import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../server/src/core/hover';
import { doc } from '../helpers';

/** Hover at the first occurrence of `needle` (plus `delta` characters) in the text. */
function hover(text: string, needle: string, delta = 0, uri?: string) {
  const document = doc(text, uri);
  const offset = document.text.indexOf(needle);
  assert.ok(offset >= 0, `fixture contains ${needle}`);
  const result = hoverAt(document, offset + delta);
  return result ? { ...result, text: document.text.slice(result.span.start, result.span.end) } : undefined;
}

describe('hover', () => {
  test('explains a setting on its last key segment: type, default, scope, version, docs', () => {
    const result = hover('cluster.remote.west.skip_unavailable: true\n', 'skip_unavailable', 2);
    assert.equal(result?.text, 'skip_unavailable');
    assert.match(result?.markdown ?? '', /\*\*`cluster\.remote\.west\.skip_unavailable`\*\*/);
    assert.match(result?.markdown ?? '', /\| Type \| `true` \\\| `false` \|/);
    assert.match(result?.markdown ?? '', /\| Default \| `true since 8\.15/);
    assert.match(result?.markdown ?? '', /\| Scope \| dynamic/);
    assert.match(result?.markdown ?? '', /\[Elastic documentation\]\(https:\/\/www\.elastic\.co\//);
  });

  test('works on nested keys and shows versions and mode restrictions', () => {
    const result = hover('cluster:\n  remote:\n    west:\n      mode: proxy\n      server_name: w.example.com\n', 'server_name');
    assert.equal(result?.text, 'server_name');
    assert.match(result?.markdown ?? '', /SNI/);
    assert.match(result?.markdown ?? '', /only with `mode: proxy`/);
    assert.match(result?.markdown ?? '', /\| Since \| 7\.7\.0 \(unverified\) \|/);
  });

  test("names ECK's remote cluster server on a server_name of the form <name>-es-remote-cluster.<namespace>.svc; other names get the usual text", () => {
    const text =
      'cluster.remote.k8s.mode: proxy\ncluster.remote.k8s.proxy_address: lb.example.com:9443\ncluster.remote.k8s.server_name: quickstart-es-remote-cluster.default.svc\n';
    const eck = hover(text, 'quickstart-es', 3);
    assert.equal(eck?.text, 'quickstart-es-remote-cluster.default.svc');
    assert.match(eck?.markdown ?? '', /Elasticsearch `quickstart` in namespace `default`/);
    // The address from outside Kubernetes on 9443 suggests that name, without claiming it is needed.
    assert.match(
      hover(text, 'lb.example')?.markdown ?? '',
      /If this is an ECK cluster reached from outside Kubernetes.*`<cluster-name>-es-remote-cluster\.<namespace>\.svc`/,
    );
    // Near misses: another server name, an in-cluster .svc address, and a Cloud endpoint get no ECK note.
    assert.doesNotMatch(
      hover(text.replace('quickstart-es-remote-cluster.default.svc', 'es.example.com'), 'es.example')?.markdown ?? '',
      /ECK/,
    );
    assert.doesNotMatch(
      hover('cluster.remote.k8s.proxy_address: quickstart-es-remote-cluster.default.svc:9443\n', 'quickstart')?.markdown ?? '',
      /ECK cluster reached from outside/,
    );
  });

  test('gives the port guidance on seeds: 9443 for API keys, 9300 for certificates, proxy mode for Cloud', () => {
    const markdown = hover('cluster.remote.a.seeds: ["a:9300"]\n', 'seeds')?.markdown ?? '';
    assert.match(markdown, /API-key model .*\*\*9443\*\*/);
    assert.match(markdown, /certificate model .*\*\*9300\*\*/);
    assert.match(markdown, /Elastic Cloud \/ ECE endpoints: use `mode: proxy`/);
  });

  test('calls the signing settings a 9.3 technical preview, Elastic Cloud Hosted included', () => {
    for (const [text, needle] of [
      ['cluster.remote.west.signing.certificate: node.crt\n', 'certificate'],
      ['cluster.remote.signing.certificate_authorities: internal_tls_ca.crt\n', 'certificate_authorities'],
    ]) {
      const markdown = hover(text, needle, 2)?.markdown ?? '';
      assert.match(markdown, /technical preview in 9\.3 \(Elastic Cloud Hosted included\)/, text);
      assert.match(markdown, /\| Since \| 9\.3\.0 \|/, text);
      assert.doesNotMatch(markdown, /generally available/, text);
    }
  });

  test('explains the alias segment with the state of the remote', () => {
    const result = hover(
      'cluster.remote.west.mode: proxy\ncluster.remote.west.server_name: w\ncluster.remote.west.credentials: SECRET\n',
      'west',
    );
    assert.equal(result?.text, 'west');
    assert.match(result?.markdown ?? '', /Remote cluster `west`\*\* \(proxy mode, not enabled: needs `proxy_address`\)/);
    assert.match(result?.markdown ?? '', /`west:index-name`/);
    assert.ok(!(result?.markdown ?? '').includes('SECRET'), 'secrets are never shown');
  });

  test('explains namespace segments', () => {
    assert.match(hover('cluster.remote.west.mode: proxy\n', 'remote')?.markdown ?? '', /cross-cluster search/);
    assert.match(hover('remote_cluster:\n  port: 9443\n', 'remote_cluster')?.markdown ?? '', /port 9443/);
    assert.match(hover('remote_cluster.tcp.keep_idle: 30\n', 'tcp')?.markdown ?? '', /keep-alive/);
  });

  test('explains addresses with the port model and the Cloud hint', () => {
    const transport = hover('cluster.remote.a.seeds: ["a.example.com:9300", "b.example.com:9443"]\n', 'a.example.com');
    assert.equal(transport?.text, 'a.example.com:9300');
    assert.match(transport?.markdown ?? '', /transport port/);
    const rcs = hover('cluster.remote.a.seeds: a.example.com:9300,b.example.com:9443\n', 'b.example.com');
    assert.equal(rcs?.text, 'b.example.com:9443');
    assert.match(rcs?.markdown ?? '', /API-key model/);
    const cloud = hover('cluster.remote.c.mode: proxy\ncluster.remote.c.proxy_address: x.us-east-1.aws.found.io:9443\n', 'x.us');
    assert.match(cloud?.markdown ?? '', /Elastic Cloud endpoint/);
    const broken = hover('cluster.remote.a.seeds: ["fe80::1"]\n', 'fe80');
    assert.match(broken?.markdown ?? '', /splits this at its last colon, into the host `fe80:`/);
  });

  test('explains enum values', () => {
    assert.match(hover('cluster.remote.a.mode: sniff\n', 'sniff')?.markdown ?? '', /Sniff mode/);
    assert.match(
      hover('cluster.remote.a.transport.compress: indexing_data\n', 'indexing_data')?.markdown ?? '',
      /raw indexing data/,
    );
  });

  test('never shows secret values and ignores unknown keys and foreign settings', () => {
    assert.equal(hover('cluster.remote.a.credentials: SECRETVALUE\n', 'SECRETVALUE'), undefined);
    assert.equal(hover('cluster.remote.a.sedes: x\n', 'sedes'), undefined);
    assert.equal(hover('path.data: /var/lib\ncluster.remote.a.seeds: [a:1]\n', 'data'), undefined);
  });

  test('works in _cluster/settings bodies', () => {
    const result = hover(
      '{"persistent": {"cluster": {"remote": {"a": {"proxy_socket_connections": 18}}}}}',
      'proxy_socket',
      1,
      'file:///r/body.json',
    );
    assert.equal(result?.text, 'proxy_socket_connections');
    assert.match(result?.markdown ?? '', /\| Default \| `18` \|/);
  });

  test('explains the transport trust settings of the certificate model, citing the ECK and ECE page', () => {
    const markdown = hover(
      'xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml\n',
      'trust_restrictions',
      2,
    )?.markdown;
    assert.match(markdown ?? '', /\*\*`xpack\.security\.transport\.ssl\.trust_restrictions\.path`\*\*/);
    assert.match(markdown ?? '', /trust\.subject_name/);
    assert.match(markdown ?? '', /ece-enable-ccs-for-eck/);
    const ca = hover('xpack.security.transport.ssl.certificate_authorities: [ece.crt]\n', 'certificate_authorities', 2)?.markdown;
    assert.match(ca ?? '', /list of file paths/);
    assert.match(ca ?? '', /every nodeSet/);
  });
});
