import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../../../server/src/core/hover';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';

/** The Service `kubectl expose service quickstart-es-remote-cluster` writes (seed ece-enable-ccs-for-eck), hovered at `|`. */
function hover(ports: string) {
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: quickstart-es-remote-cluster-lb',
    '  namespace: search',
    'spec:',
    '  type: LoadBalancer',
    '  selector:',
    '    elasticsearch.k8s.elastic.co/cluster-name: quickstart',
    '  ports:',
    ports,
    '',
  ].join('\n');
  const offset = text.indexOf('|');
  const document = parseConfigDocument({ uri: 'file:///svc.yaml', text: text.replace('|', '') });
  return hoverAt(document, offset);
}

test('a port of a Service selecting ECK Pods says where it forwards and which server_name to try from outside', () => {
  const markdown = hover('  - port: 94|43\n    targetPort: 9443')?.markdown ?? '';
  assert.match(markdown, /Pods of Elasticsearch `quickstart` \(namespace `search`\)/);
  assert.match(markdown, /forwards to 9443 on the Pods: the remote cluster server/);
  assert.match(markdown, /Try without `server_name` first.*`server_name: quickstart-es-remote-cluster\.search\.svc`/);
});

test('a port that reaches no Elasticsearch interface says so without calling it wrong; the transport port names the certificate model', () => {
  assert.match(hover('  - port: 91|14')?.markdown ?? '', /another port reaches only a container you added/);
  const transport = hover('  - port: 93|00')?.markdown ?? '';
  assert.match(transport, /transport interface \(TLS-certificate model/);
  assert.doesNotMatch(transport, /server_name/);
});
