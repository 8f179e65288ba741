import { valueTexts } from '../model/settingsScope';
import type { Span } from '../types';
import type { NodeSet, VolumeMount, VolumeSource } from './manifest';

/**
 * Files a nodeSet's `config` points at for TLS trust (CA certificates, truststores, the trust
 * restrictions file of the certificate model) and where in the Pod they would come from.
 */

/** Elasticsearch's config directory in ECK Pods; relative paths in settings resolve against it. */
export const ES_CONFIG_DIR = '/usr/share/elasticsearch/config';

/**
 * Directories under the config directory that ECK fills itself (from ECK's volume constants in
 * pkg/controller/elasticsearch/volume/names.go): its transport and HTTP certificates, the CAs of
 * remote clusters, the client trust bundle and client certificate, file-based settings. ECK also
 * copies the image's own config files there, so a path in one of them never needs a user mount.
 */
export const ECK_CONFIG_DIRS: readonly string[] = [
  'transport-certs',
  'transport-trust',
  'transport-remote-certs',
  'http-certs',
  'operator',
  'client-trust-bundle',
  'client-cert',
  'node-transport-cert',
].map((dir) => `${ES_CONFIG_DIR}/${dir}`);

/** Settings whose values are files the node reads at start-up to decide whom to trust. */
export const TRUST_FILE_KEYS =
  /^xpack\.security\.(?:(?:remote_cluster_client|remote_cluster_server|transport)\.ssl\.(?:certificate_authorities|truststore\.path)|transport\.ssl\.trust_restrictions\.path)$/;

export interface TrustFileReference {
  key: string;
  /** The path as Elasticsearch resolves it. */
  absolute: string;
  span: Span;
}

/** Every trust file the nodeSet's `config` names, resolved against the config directory. */
export function trustFileReferences(nodeSet: NodeSet): TrustFileReference[] {
  const found: TrustFileReference[] = [];
  for (const occurrence of nodeSet.scope?.occurrences ?? []) {
    if (!TRUST_FILE_KEYS.test(occurrence.key)) continue;
    const items = occurrence.value.kind === 'list' ? (occurrence.value.items ?? []) : [occurrence.value];
    for (const item of items) {
      const path = valueTexts(item)[0]?.trim();
      // `${VAR}` paths are decided at start-up: nothing can be said about them.
      if (!path || path.includes('${')) continue;
      found.push({ key: occurrence.key, absolute: absolutePath(path), span: item.span });
    }
  }
  return found;
}

export function absolutePath(path: string): string {
  return path.startsWith('/') ? path : `${ES_CONFIG_DIR}/${path.replace(/^\.\//, '')}`;
}

export function withinDirectory(path: string, dir: string): boolean {
  const base = dir.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`);
}

export function providedByEck(path: string): boolean {
  return ECK_CONFIG_DIRS.some((dir) => withinDirectory(path, dir));
}

/** Mounts of the `elasticsearch` container (the one that reads the settings) with a path. */
export function elasticsearchMounts(nodeSet: NodeSet): VolumeMount[] {
  return nodeSet.volumeMounts.filter((mount) => mount.container === 'elasticsearch' && mount.mountPath?.value.trim());
}

/** The mount whose directory holds `path`, the deepest one when mounts nest. */
export function mountProviding(nodeSet: NodeSet, path: string): VolumeMount | undefined {
  let best: VolumeMount | undefined;
  for (const mount of elasticsearchMounts(nodeSet)) {
    const dir = mount.mountPath!.value.trim();
    if (!withinDirectory(path, dir)) continue;
    if (!best || dir.length > best.mountPath!.value.trim().length) best = mount;
  }
  return best;
}

/** The Secret or ConfigMap volume a mount names, when the nodeSet declares one. */
export function volumeSourceOf(nodeSet: NodeSet, mount: VolumeMount): VolumeSource | undefined {
  const name = mount.name?.value;
  return name === undefined ? undefined : nodeSet.volumeSources.find((source) => source.name.value === name);
}
