import { isMap } from 'yaml';
import { insertEntryEdit, replaceNodeEdit } from '../../eck/edits';
import { PORTS } from '../../catalog/facts';
import { ECK_CLUSTER_NAME_LABEL, type ServicePort, type ServiceShape } from '../../eck/manifest';
import { findElasticsearch } from '../../eck/workspace';
import { fieldOf } from '../../eck/yamlAst';
import type { ConfigDocument } from '../../model/configDocument';
import type { Fix } from '../../types';
import type { DocumentRule, DocumentRuleContext } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

const INTERFACES = {
  [PORTS.remoteClusterServer]: 'remote cluster server',
  [PORTS.transport]: 'transport',
  [PORTS.http]: 'HTTP',
} as Record<number, string>;

export const eckServiceTargetPort: DocumentRule = {
  id: 'eck-service-target-port',
  severity: 'error',
  title: 'Service port for the remote cluster server (9443) or transport (9300) without the right `targetPort`',
  reference: [62],
  kinds: ECK_KINDS,
  check(context) {
    const { document } = context;
    for (const es of elasticsearchesOf(document)) {
      if (es.remoteClusterServerService)
        checkTemplate(context, es.remoteClusterServerService, PORTS.remoteClusterServer, 'spec.remoteClusterServer.service');
      if (es.transportService) checkTemplate(context, es.transportService, PORTS.transport, 'spec.transport.service');
    }
    for (const service of document.eck?.services ?? []) {
      const cluster = service.selector[ECK_CLUSTER_NAME_LABEL];
      if (cluster === undefined) continue;
      for (const port of service.shape.ports)
        checkStandalonePort(context, port, cluster, service.namespace?.value, service.name?.value);
    }
  },
};

/** Ports of a Service template ECK applies to its own Service: every port must lead to `expected`. */
function checkTemplate({ document, report }: DocumentRuleContext, shape: ServiceShape, expected: number, where: string): void {
  for (const port of shape.ports) {
    const target = port.targetPort?.value;
    if (typeof target === 'number') {
      if (target === expected) continue;
      report({
        message: `Elasticsearch listens on ${expected} for the ${INTERFACES[expected]} interface, so \`targetPort\` in \`${where}\` must be ${expected}, not ${target}.`,
        span: port.targetPort!.span,
        fixes: targetPortFix(document, port, expected, true),
      });
      continue;
    }
    if (target !== undefined || typeof port.port?.value !== 'number' || port.port.value === expected) continue;
    report({
      message: `Port ${port.port.value} has no \`targetPort\`, so Kubernetes forwards to port ${port.port.value} on the Pods instead of the ${INTERFACES[expected]} port. Add \`targetPort: ${expected}\`, or connections fail.`,
      span: port.port.span,
      fixes: targetPortFix(document, port, expected, true),
    });
  }
}

/** A Service of your own that selects the Pods of an ECK cluster by its cluster-name label. */
function checkStandalonePort(
  context: DocumentRuleContext,
  port: ServicePort,
  cluster: string,
  namespace: string | undefined,
  serviceName: string | undefined,
): void {
  const { document, options, report } = context;
  const targetValue = port.targetPort?.value ?? port.port?.value;
  const span = port.targetPort?.span ?? port.port?.span;
  if (typeof targetValue !== 'number' || !span) return;
  if (!(targetValue in INTERFACES)) {
    // Without the Elasticsearch resource in the file, a container added to the Pods may listen there:
    // only a Service that is surely for the remote cluster server or transport is reported.
    if (elasticsearchesOf(document).length === 0 && !exposesRemoteClusterInterface(port, serviceName)) return;
    report({
      message: `This Service selects the Pods of Elasticsearch \`${cluster}\`, but they listen on no port ${targetValue}. Point \`targetPort\` at ${PORTS.remoteClusterServer} (remote cluster server, API-key model) or ${PORTS.transport} (transport, certificate model).`,
      span,
      fixes: [PORTS.remoteClusterServer, PORTS.transport].flatMap(
        (expected) => targetPortFix(document, port, expected, false) ?? [],
      ),
    });
    return;
  }
  if (targetValue !== PORTS.remoteClusterServer) return;
  const targets = findElasticsearch(document, options, cluster, namespace);
  if (targets.length === 0 || targets.some((target) => target.remoteClusterServerEnabled)) return;
  report({
    severity: 'warning',
    message: `Elasticsearch \`${cluster}\` does not set \`spec.remoteClusterServer.enabled: true\`, so its Pods do not listen on ${PORTS.remoteClusterServer}. Enable the remote cluster server on \`${cluster}\`.`,
    span,
  });
}

/** A port or Service name that says it exposes the remote cluster server or transport (as `kubectl expose` names it). */
function exposesRemoteClusterInterface(port: ServicePort, serviceName: string | undefined): boolean {
  const exposed = port.port?.value;
  if (exposed === PORTS.remoteClusterServer || exposed === PORTS.transport) return true;
  return (
    /-es-(remote-cluster|transport)\b/.test(serviceName ?? '') || /remote|transport|rcs/i.test(String(port.name?.value ?? ''))
  );
}

function targetPortFix(document: ConfigDocument, port: ServicePort, expected: number, preferred: boolean): Fix[] | undefined {
  if (!isMap(port.node)) return undefined;
  const existing = fieldOf(port.node, 'targetPort');
  const edit = existing
    ? replaceNodeEdit(existing.value, String(expected))
    : insertEntryEdit(document.text, document.lines, port.node, 'targetPort', String(expected));
  return edit ? [{ title: `Set targetPort to ${expected}`, edits: [edit], isPreferred: preferred }] : undefined;
}
