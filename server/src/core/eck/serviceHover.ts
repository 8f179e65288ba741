import { PORTS } from '../catalog/facts';
import type { ConfigDocument } from '../model/configDocument';
import { spanContains } from '../text';
import type { HoverResult } from '../types';
import { ECK_CLUSTER_NAME_LABEL } from './manifest';

const INTERFACES: Record<number, string> = {
  [PORTS.remoteClusterServer]: 'remote cluster server (API-key model)',
  [PORTS.transport]: 'transport interface (TLS-certificate model, deprecated since 9.0)',
  [PORTS.http]: 'HTTP interface',
};

/**
 * Hover on a port of a Service that selects the Pods of an ECK cluster (your own LoadBalancer, or
 * what `kubectl expose service <name>-es-remote-cluster` writes; seed ece-enable-ccs-for-eck): where
 * it forwards to, and what a cluster outside Kubernetes sets to reach it.
 */
export function eckServiceHover(document: ConfigDocument, offset: number): HoverResult | undefined {
  for (const service of document.eck?.services ?? []) {
    const cluster = service.selector[ECK_CLUSTER_NAME_LABEL];
    if (cluster === undefined) continue;
    for (const port of service.shape.ports) {
      const spanned = [port.port, port.targetPort].find((field) => field && spanContains(field.span, offset));
      if (!spanned) continue;
      const exposed = port.port?.value;
      const target = port.targetPort?.value ?? exposed;
      const namespace = service.namespace?.value;
      const lines = [
        `**Service \`${service.name?.value ?? '(unnamed)'}\`** → Pods of Elasticsearch \`${cluster}\`${namespace ? ` (namespace \`${namespace}\`)` : ''}`,
        '',
      ];
      if (typeof target === 'number' && INTERFACES[target]) {
        lines.push(`Port ${String(exposed)} forwards to ${target} on the Pods: the ${INTERFACES[target]}.`);
        if (target === PORTS.remoteClusterServer) {
          lines.push(
            '',
            `A cluster outside Kubernetes connects to this Service's external address on port ${String(exposed)} (\`mode: proxy\`). Try without \`server_name\` first; if the TLS handshake fails on the ECK-managed certificate, set \`server_name: ${cluster}-es-remote-cluster.${namespace ?? '<namespace>'}.svc\`.`,
          );
        }
        if (typeof exposed === 'number' && exposed !== target && port.targetPort === undefined)
          lines.push('', `Without \`targetPort\`, Kubernetes forwards to port ${exposed} on the Pods.`);
      } else {
        lines.push(
          `Port ${String(exposed)} forwards to ${String(target)} on the Pods. Elasticsearch listens on ${PORTS.http} (HTTP), ${PORTS.transport} (transport) and ${PORTS.remoteClusterServer} (remote cluster server); another port reaches only a container you added to the Pods.`,
        );
      }
      return { markdown: lines.join('\n'), span: spanned.span };
    }
  }
  return undefined;
}
