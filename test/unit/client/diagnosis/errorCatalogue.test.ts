/** The catalogue that explains remote-cluster error messages. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ERROR_CATALOGUE, explainError, renderExplanation } from '../../../../client/src/diagnosis/errorCatalogue';

describe('error catalogue', () => {
  const samples: Record<string, string> = {
    'no-remote-cluster-client-role':
      'illegal_argument_exception: node [es-hot] does not have the remote cluster client role enabled',
    'no-such-remote-cluster': '{"type":"no_such_remote_cluster_exception","reason":"no such remote cluster: [wset]"}',
    'connect-exception': 'org.elasticsearch.transport.ConnectTransportException: [][127.0.0.1:9400] connect_exception',
    'trust-not-established':
      '[WARN ][o.e.c.s.DiagnosticTrustManager] [node] failed to establish trust with server at [127.0.0.1]; the server provided a certificate',
    'client-did-not-trust':
      "[WARN ][o.e.x.c.s.t.n.SecurityNetty4Transport] [node-9] client did not trust this server's certificate, closing connection",
    'bad-certificate': 'javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate',
    'missing-authentication':
      'ElasticsearchSecurityException: missing authentication credentials for action [cluster:internal/remote_cluster/handshake]',
    'wrong-channel-profile':
      'java.lang.IllegalArgumentException: remote cluster handshake action requires channel profile to be [_remote_cluster], but got [default]',
    'no-credentials':
      'Cross cluster requests through the dedicated remote cluster server port require transport header [_cross_cluster_access_credentials] but none found.',
    'wrong-key-type':
      'authentication expected API key type of [cross_cluster], but API key [agZXJocBmA2beJfq2yKu] has type [rest]',
    'unable-to-authenticate':
      'unable to authenticate user [agZXJocBmA2beJfq2yKu] for action [cluster:internal/remote_cluster/handshake]',
    'key-expired-or-invalidated': 'api key is expired',
    'no-remote-indices': 'because no remote indices privileges apply for the target cluster',
    'remote-unauthorized':
      'action [indices:data/read/search] towards remote cluster is unauthorized for user [foo] with assigned roles [foo-role]',
    'handshake-unauthorized': 'action [cluster:internal/remote_cluster/handshake] is unauthorized for user [anonymous_foo]',
    'incompatible-version': 'Received message from unsupported version: [7.16.0] minimal compatible version is: [7.17.0]',
    'not-ssl-record': 'io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 474554',
    'http-on-transport': 'This is not an HTTP port',
    'closed-by-remote': 'transport connection to [{my-remote#192.168.0.42:9443}{...}] closed by remote',
    'hostname-mismatch': 'No subject alternative DNS name matching remote.example.com found.',
    'certificate-expired': 'the certificate is valid between [a] and [b] (current time is [c], certificate dates are not valid)',
  };

  test('every catalogue entry has a sample that it explains, and every sample is explained by its entry', () => {
    assert.deepEqual(new Set(Object.keys(samples)), new Set(ERROR_CATALOGUE.map((entry) => entry.id)));
    for (const [id, sample] of Object.entries(samples)) {
      assert.ok(
        explainError(sample).some((entry) => entry.id === id),
        `${id} explains: ${sample}`,
      );
    }
  });

  test('an unknown message says so and points at the diagnosis; long tokens pasted along are not echoed', () => {
    const token = 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==XYZabc0123456789';
    const text = renderExplanation(`something unrelated ${token}`);
    assert.match(text, /not in the catalogue/);
    assert.ok(!text.includes(token));
  });

  test('the resolve-cluster errors the emulator reports are all explained', () => {
    for (const message of [
      '[][remote.emulated.local:9443] connect_exception',
      'remote cluster handshake action requires channel profile to be [_remote_cluster], but got [default]',
      'authentication expected API key type of [cross_cluster], but API key [the configured key] has type [rest]',
      'unable to authenticate user [the configured key] for action [cluster:internal/remote_cluster/handshake]',
      'failed to establish trust with server: a does not trust b',
    ]) {
      assert.ok(explainError(message).length > 0, message);
    }
  });
});
