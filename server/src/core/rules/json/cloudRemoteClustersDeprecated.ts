import { property, keyNode, spanOf } from '../../json/jsonAst';
import type { Span } from '../../types';
import { bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

export const cloudRemoteClustersDeprecated = bodyRule({
  id: 'cloud-remote-clusters-deprecated',
  severity: 'info',
  title: 'Cloud remote-clusters API in use (deprecated, certificate model only, replaces the whole list)',
  reference: [77],
  bodyKinds: ['cloud-remote-clusters'],
  check({ body, report }) {
    const resources = property(body.root, 'resources');
    const span: Span | undefined = body.request
      ? body.request.pathSpan
      : resources
        ? spanOf(keyNode(resources) ?? resources)
        : undefined;
    if (!span) return;
    report({
      message:
        'The deployment remote-clusters API is deprecated and sets up only the certificate security model. A PUT replaces the whole list, so include every remote you want to keep. For the API key model, add the key to the keystore and configure the remote with `PUT _cluster/settings` instead.',
      span,
    });
  },
});
