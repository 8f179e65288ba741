import type { ConfigDocument } from '../model/configDocument';
import type { SettingsScope } from '../model/settingsScope';
import type { AnalysisOptions } from '../model/analysisOptions';
import type { Span } from '../types';
import { manifestIndex, type EckElasticsearch } from './manifest';
import { sameNamespace, workspaceIndex } from './workspace';
import { mapOf, scalarText, textField } from './yamlAst';

/** The only keystore key shape ECK's keystore handling recognises for remote cluster API keys. */
export const CREDENTIALS_KEY = /^cluster\.remote\.([\w-]+)\.credentials$/;

/** Looks like an attempt at a credentials key (`cluster.remote.x.credential`, `remote-west-credentials`, …). */
export function looksLikeCredentialsKey(key: string): boolean {
  return /credential/i.test(key) && /remote/i.test(key);
}

/**
 * A Kubernetes `Secret` (the root of one YAML document) holding remote cluster credentials, so
 * worth checking even in a file of its own, before any Elasticsearch resource refers to it.
 */
export function isRemoteCredentialsSecret(root: unknown): boolean {
  if (textField(root, 'kind')?.value !== 'Secret' || textField(root, 'apiVersion')?.value !== 'v1') return false;
  for (const section of ['data', 'stringData']) {
    for (const pair of mapOf(root, section)?.items ?? []) {
      const key = scalarText(pair.key);
      if (key !== undefined && (CREDENTIALS_KEY.test(key) || looksLikeCredentialsKey(key))) return true;
    }
  }
  return false;
}

export interface KeystoreEntry {
  /** Keystore setting name. */
  name: string;
  /** Where it is written: the Secret key in this file, the `entries[]` item, or the `secretName` of a Secret found elsewhere. */
  span: Span;
  /** Set when the name came from a Secret in another file. */
  secretName?: string;
}

export interface SecureSettingsEntries {
  entries: readonly KeystoreEntry[];
  complete: boolean;
}

/**
 * The last answer for each resource, with what it was worked out from: every nodeSet of the resource
 * and a rule ask within one analysis. A resource object outlives its version (unchanged YAML
 * documents are reused), but the Secrets it names come from the whole file and the options, so
 * another manifest or options object means working it out again.
 */
const secureSettingsByResource = new WeakMap<
  EckElasticsearch,
  { manifest: unknown; options: AnalysisOptions; uri: string; found: SecureSettingsEntries }
>();

/**
 * Keystore settings an Elasticsearch resource loads through `spec.secureSettings`, as far as the
 * file and the workspace tell. `complete` is false when a referenced Secret was not found.
 */
export function secureSettingsEntries(
  document: ConfigDocument,
  options: AnalysisOptions,
  es: EckElasticsearch,
): SecureSettingsEntries {
  const kept = secureSettingsByResource.get(es);
  if (kept && kept.manifest === document.eck && kept.options === options && kept.uri === document.uri) return kept.found;
  const found = readSecureSettingsEntries(document, options, es);
  secureSettingsByResource.set(es, { manifest: document.eck, options, uri: document.uri, found });
  return found;
}

function readSecureSettingsEntries(
  document: ConfigDocument,
  options: AnalysisOptions,
  es: EckElasticsearch,
): SecureSettingsEntries {
  const entries: KeystoreEntry[] = [];
  let complete = true;
  for (const source of es.secureSettings) {
    if (source.entries) {
      for (const entry of source.entries) {
        const effective = entry.path ?? entry.key;
        if (effective) entries.push({ name: effective.value, span: effective.span });
      }
      continue;
    }
    if (!source.secretName) continue;
    const secretName = source.secretName.value;
    const namespace = es.namespace?.value;
    const sameName = document.eck ? (manifestIndex(document.eck).secretsByName.get(secretName) ?? []) : [];
    const local = sameName.filter((s) => sameNamespace(s.namespace?.value, namespace));
    for (const secret of local) for (const entry of secret.entries) entries.push({ name: entry.key, span: entry.keySpan });
    if (local.length > 0) continue;
    const elsewhere = (
      options.eckWorkspace ? (workspaceIndex(options.eckWorkspace).secretsByName.get(secretName) ?? []) : []
    ).filter((s) => s.uri !== document.uri && sameNamespace(s.namespace, namespace));
    for (const secret of elsewhere)
      for (const key of secret.keys) entries.push({ name: key, span: source.secretName.span, secretName });
    if (elsewhere.length === 0) complete = false;
  }
  return { entries, complete };
}

/**
 * Aliases with `cluster.remote.<alias>.credentials` in the keystore of the nodes a `nodeSets[].config`
 * scope belongs to: API-key remotes ECK manages plus credentials loaded through `secureSettings`.
 * Undefined when it cannot be known (a referenced Secret is not in the workspace), so callers can
 * stay silent instead of guessing the security model.
 */
export function eckKeystoreCredentialAliases(
  document: ConfigDocument,
  scope: SettingsScope,
  options: AnalysisOptions,
): string[] | undefined {
  const es = document.eck ? manifestIndex(document.eck).ownerOfScope.get(scope)?.es : undefined;
  if (!es) return undefined;
  const { entries, complete } = secureSettingsEntries(document, options, es);
  if (!complete) return undefined;
  const aliases = new Set<string>();
  for (const entry of es.remoteClusters) if (entry.apiKeyField && entry.name) aliases.add(entry.name.value);
  for (const entry of entries) {
    const match = CREDENTIALS_KEY.exec(entry.name);
    if (match) aliases.add(match[1]);
  }
  return [...aliases].sort();
}
