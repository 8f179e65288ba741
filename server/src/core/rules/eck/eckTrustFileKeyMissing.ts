import { manifestIndex, type EckElasticsearch, type NodeSet, type VolumeMount, type VolumeSource } from '../../eck/manifest';
import { mountProviding, trustFileReferences, volumeSourceOf, type TrustFileReference } from '../../eck/trustFiles';
import { sameNamespace, workspaceIndex } from '../../eck/workspace';
import type { ConfigDocument } from '../../model/configDocument';
import type { AnalysisOptions } from '../../model/analysisOptions';
import type { FindingInput, ScopeRule } from '../rule';
import { nodeSetLabel, nodeSetOfScope } from './common';

/**
 * A trust file (CA, truststore, `trust.yml`) a nodeSet's `config` names, mounted from a Secret or
 * ConfigMap volume that cannot contain it: the volume's `items` leave it out, or the object,
 * defined in this file or elsewhere in the workspace, has no such key. Kubernetes then mounts the
 * directory without the file and Elasticsearch refuses to start (it cannot read the file). Said
 * only when the object is visible; a Secret created with `kubectl create secret` is not.
 */
export const eckTrustFileKeyMissing: ScopeRule = {
  id: 'eck-trust-file-key-missing',
  severity: 'error',
  title: 'Trust file path in `nodeSets[].config` that the mounted Secret or ConfigMap does not contain',
  origins: ['eck-config'],
  check({ document, scope, options, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    for (const reference of trustFileReferences(owner.nodeSet)) {
      const finding = problemOf(document, options ?? {}, owner.es, owner.nodeSet, reference);
      if (finding) report(finding);
    }
  },
};

function problemOf(
  document: ConfigDocument,
  options: AnalysisOptions,
  es: EckElasticsearch,
  nodeSet: NodeSet,
  reference: TrustFileReference,
): FindingInput | undefined {
  const mount = mountProviding(nodeSet, reference.absolute);
  const source = mount && volumeSourceOf(nodeSet, mount);
  if (!mount || !source || mount.subPathExpr) return undefined;
  const entry = entryInVolume(mount, reference.absolute);
  if (!entry) return undefined;
  const what = `${source.kind === 'Secret' ? 'Secret' : 'ConfigMap'} volume \`${source.name.value}\``;
  if (source.items) {
    if (source.items.some((item) => item.path === entry)) return undefined;
    const listed = source.items.flatMap((item) => (item.path ? [`\`${item.path}\``] : [])).join(', ');
    return {
      message: `\`${reference.absolute}\` is not in the ${what} of ${nodeSetLabel(nodeSet)}: its \`items\` only mount ${listed || 'nothing'}. Elasticsearch cannot read the file and does not start. Add an item with \`path: ${entry}\`, or point \`${reference.key}\` at a mounted file.`,
      span: reference.span,
    };
  }
  const objectName = source.objectName?.value;
  if (!objectName) return undefined;
  const keysets = objectKeys(document, options, es, source.kind, objectName);
  if (!keysets || keysets.keys.some((keys) => keys.includes(entry))) return undefined;
  const known = [...new Set(keysets.keys.flat())].map((key) => `\`${key}\``).join(', ');
  const where = keysets.local ? 'in this file' : 'in the workspace';
  return {
    severity: keysets.local ? 'error' : 'warning',
    message: `The ${source.kind} \`${objectName}\` ${where} has no key \`${entry}\`${known ? ` (it has ${known})` : ''}, so the ${what} does not contain \`${reference.absolute}\`. Elasticsearch cannot read the file and does not start. Rename the key or the file in \`${reference.key}\`.`,
    span: reference.span,
  };
}

/** The path of the file inside the volume, or undefined when it cannot be a single entry. */
function entryInVolume(mount: VolumeMount, absolute: string): string | undefined {
  const dir = mount.mountPath!.value.trim().replace(/\/+$/, '');
  const rest = absolute === dir ? '' : absolute.slice(dir.length + 1);
  const subPath = mount.subPath?.value.trim().replace(/^\/+|\/+$/g, '');
  const entry = subPath ? (rest ? `${subPath}/${rest}` : subPath) : rest;
  return entry || undefined;
}

/** Key names of every visible definition of the object (kustomize may define it twice); undefined when none is visible. */
function objectKeys(
  document: ConfigDocument,
  options: AnalysisOptions,
  es: EckElasticsearch,
  kind: VolumeSource['kind'],
  name: string,
): { local: boolean; keys: string[][] } | undefined {
  const namespace = es.namespace?.value;
  // Through the manifest index: an incremental analysis checks a subset of the file's objects but looks names up in all of it.
  const byName = document.eck ? manifestIndex(document.eck) : undefined;
  const inFile = (kind === 'Secret' ? byName?.secretsByName : byName?.configMapsByName)?.get(name) ?? [];
  const local = inFile.filter((object) => sameNamespace(object.namespace?.value, namespace));
  if (local.length > 0) return { local: true, keys: local.map((object) => object.entries.map((entry) => entry.key)) };
  if (!options.eckWorkspace) return undefined;
  const index = workspaceIndex(options.eckWorkspace);
  const elsewhere = (kind === 'Secret' ? index.secretsByName : index.configMapsByName)
    .get(name)
    ?.filter((object) => object.uri !== document.uri && sameNamespace(object.namespace, namespace));
  return elsewhere?.length ? { local: false, keys: elsewhere.map((object) => object.keys) } : undefined;
}
