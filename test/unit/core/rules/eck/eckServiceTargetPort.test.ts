import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch, rcsService } from '../../eck/fixtures';
import { parseConfigDocument } from '../../../../../server/src/core/model/parseDocument';
import { eckFindings, eckFindingsOf, fixed } from '../../eck/support';

describe('eck-service-target-port (rule 62)', () => {
  test('needs targetPort 9443 when the remote cluster Service listens elsewhere, and adds it', () => {
    const text = rcsService('- name: rcs\n  port: 443');
    const found = eckFindingsOf('eck-service-target-port', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', '443']],
    );
    assert.equal(fixed(text, 'eck-service-target-port'), rcsService('- name: rcs\n  port: 443\n  targetPort: 9443'));
  });

  test('corrects a wrong numeric targetPort, also in flow style, and checks the transport Service against 9300', () => {
    const wrong = rcsService('- {name: rcs, port: 443, targetPort: 443}');
    assert.equal(fixed(wrong, 'eck-service-target-port'), rcsService('- {name: rcs, port: 443, targetPort: 9443}'));
    const transport = elasticsearch(
      'a',
      'version: 8.15.0\ntransport:\n  service:\n    spec:\n      type: LoadBalancer\n      ports:\n        - {name: t, port: 30300}',
    );
    const found = eckFindingsOf('eck-service-target-port', transport);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /targetPort: 9300/);
    assert.equal(
      fixed(transport, 'eck-service-target-port'),
      transport.replace('port: 30300}', 'port: 30300, targetPort: 9300}'),
    );
  });

  test('is silent for the default port, an explicit right targetPort, and named target ports', () => {
    for (const ports of ['- name: rcs\n  port: 9443', '- port: 443\n  targetPort: 9443', '- port: 443\n  targetPort: rcs']) {
      assert.deepEqual(eckFindingsOf('eck-service-target-port', rcsService(ports)), [], ports);
    }
    assert.deepEqual(
      eckFindingsOf(
        'eck-service-target-port',
        elasticsearch('a', 'remoteClusterServer:\n  enabled: true\n  service:\n    spec:\n      type: LoadBalancer'),
      ),
      [],
    );
  });

  const standalone = (port: string, target?: string) =>
    dedent(`
      apiVersion: v1
      kind: Service
      metadata:
        name: a-remote-lb
      spec:
        type: LoadBalancer
        selector:
          elasticsearch.k8s.elastic.co/cluster-name: a
        ports:
          - port: ${port}
    `) + (target ? `      targetPort: ${target}\n` : '');

  test('checks your own Services that select the Pods of an ECK cluster', () => {
    const text = `${standalone('443')}---\n${elasticsearch('a', 'version: 8.15.0\nremoteClusterServer:\n  enabled: true')}`;
    const found = eckFindingsOf('eck-service-target-port', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text, f.fixes?.map((x) => x.title)]),
      [['error', '443', ['Set targetPort to 9443', 'Set targetPort to 9300']]],
    );
    assert.deepEqual(
      eckFindingsOf(
        'eck-service-target-port',
        `${standalone('443', '9443')}---\n${elasticsearch('a', 'version: 8.15.0\nremoteClusterServer:\n  enabled: true')}`,
      ),
      [],
    );
  });

  test('warns when your Service targets 9443 on a cluster without the remote cluster server', () => {
    const found = eckFindingsOf(
      'eck-service-target-port',
      `${standalone('443', '9443')}---\n${elasticsearch('a', 'version: 8.15.0')}`,
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['warning', '9443']],
    );
  });

  test('leaves Services for other workloads alone', () => {
    const other = standalone('443').replace('elasticsearch.k8s.elastic.co/cluster-name: a', 'app: web');
    assert.deepEqual(eckFindingsOf('eck-service-target-port', `${other}---\n${elasticsearch('a', 'version: 8.15.0')}`), []);
  });

  // Seed ece-enable-ccs-for-eck (ECK 3.0–3.2): `kubectl expose service quickstart-es-remote-cluster --name=quickstart-es-remote-cluster-lb …`.
  const exposed = (ports: string) =>
    dedent(`
      apiVersion: v1
      kind: Service
      metadata:
        name: quickstart-es-remote-cluster-lb
        namespace: default
      spec:
        type: LoadBalancer
        selector:
          common.k8s.elastic.co/type: elasticsearch
          elasticsearch.k8s.elastic.co/cluster-name: quickstart
        ports:
    `) + ports;

  test('a file holding only the exposed Service is checked: the seed command’s Service is clean, a port that reaches nothing is an error', () => {
    assert.equal(
      parseConfigDocument({ uri: 'file:///svc.yaml', text: exposed('  - port: 9443\n    targetPort: 9443\n') }).kind,
      'eck-manifest',
    );
    assert.deepEqual(
      eckFindings(exposed('  - port: 9443\n    protocol: TCP\n    targetPort: 9443\n'), {}, 'file:///svc.yaml'),
      [],
    );
    const found = eckFindingsOf('eck-service-target-port', exposed('  - port: 443\n'), {}, 'file:///svc.yaml');
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', '443']],
    );
  });

  test('in a Service-only file, a port for a container someone added to the Pods is left alone, and other Services are not ours', () => {
    const metrics = exposed('  - name: metrics\n    port: 9114\n').replace('quickstart-es-remote-cluster-lb', 'es-exporter');
    assert.deepEqual(eckFindings(metrics, {}, 'file:///svc.yaml'), []);
    const web = exposed('  - port: 443\n').replace(/ {2}selector:\n.*\n.*\n/, '  selector:\n    app: web\n');
    assert.equal(parseConfigDocument({ uri: 'file:///svc.yaml', text: web }).kind, 'unrelated');
  });
});
