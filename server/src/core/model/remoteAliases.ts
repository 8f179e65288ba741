import { parseAddress, type ParsedAddress } from '../address';
import { VALID_ALIAS } from '../catalog/lookup';
import type { SettingDef } from '../catalog/settingsCatalog';
import { eckKeystoreCredentialAliases } from '../eck/keystore';
import type { SecurityModel } from '../catalog/facts';
import type { Span } from '../types';
import type { AnalysisOptions } from './analysisOptions';
import type { ConfigDocument } from './configDocument';
import { isNullValue, type KeySegment, type SettingOccurrence, type SettingsScope, type ValueNode } from './settingsScope';

/**
 * The remote-alias model of a settings scope, which the settings rules, completion and hover share: one view per scope of the remote aliases it configures, their
 * mode and addresses, and the security model. Built lazily and cached per parsed scope, so every
 * rule reads the same grouping without recomputing it.
 */

export const REMOTE_PREFIX = 'cluster.remote.';
/** The name of `cluster.remote.*` before 6.5, read as a fallback in 7.x and removed in 8.0. */
export const LEGACY_REMOTE_PREFIX = 'search.remote.';

export interface AliasSetting {
  occurrence: SettingOccurrence;
  /** The part after the alias: `seeds`, `transport.compress`, … */
  suffix: string;
  def?: SettingDef;
}

export interface RemoteAlias {
  alias: string;
  /** `cluster.remote.`, or `search.remote.` for a legacy alias (only listed when asked for). */
  prefix: typeof REMOTE_PREFIX | typeof LEGACY_REMOTE_PREFIX;
  settings: AliasSetting[];
  /** First occurrence of each suffix (later duplicates are reported by duplicate-setting). */
  bySuffix: Map<string, SettingOccurrence>;
  /** Effective mode: the `mode` value (case-insensitive) or the default `sniff`; undefined when the value is invalid. */
  mode: 'sniff' | 'proxy' | undefined;
  /** The `mode` an earlier Console request stored, when this scope does not set one and the mode comes from it. */
  storedMode?: SettingOccurrence;
  /** The alias segment of its first occurrence, where alias-level findings point. */
  readonly anchor: KeySegment;
  /** At least one key of the alias is a known setting (so the alias is not just a typo). */
  known: boolean;
}

const aliasCache = new WeakMap<SettingsScope, { all: RemoteAlias[]; valid: RemoteAlias[] }>();
const legacyAliasCache = new WeakMap<SettingsScope, RemoteAlias[]>();

/**
 * The valid `search.remote.<alias>.*` aliases of a scope: the same model under the old name, for
 * the rules that apply to both names while the old one exists.
 */
export function legacyRemoteAliases(scope: SettingsScope): RemoteAlias[] {
  let cached = legacyAliasCache.get(scope);
  if (!cached) {
    cached = allRemoteAliases(scope, LEGACY_REMOTE_PREFIX).filter((r) => VALID_ALIAS.test(r.alias));
    legacyAliasCache.set(scope, cached);
  }
  return cached;
}

/**
 * The `cluster.remote.<alias>.*` aliases of a scope, in order of first appearance. Aliases that
 * break Elasticsearch's alias grammar (empty, spaces, …) are not remote clusters to Elasticsearch,
 * so only the alias rules ask for them. The lists are shared by every rule: never mutate them.
 */
export function remoteAliases(scope: SettingsScope, options: { includeInvalid?: boolean } = {}): RemoteAlias[] {
  let cached = aliasCache.get(scope);
  if (!cached) {
    const all = allRemoteAliases(scope);
    cached = { all, valid: all.filter((r) => VALID_ALIAS.test(r.alias)) };
    aliasCache.set(scope, cached);
  }
  return options.includeInvalid ? cached.all : cached.valid;
}

class AliasGroup implements RemoteAlias {
  readonly settings: AliasSetting[] = [];
  readonly bySuffix = new Map<string, SettingOccurrence>();
  mode: RemoteAlias['mode'] = 'sniff';
  storedMode?: SettingOccurrence;
  known = false;

  constructor(
    readonly prefix: RemoteAlias['prefix'],
    readonly alias: string,
    private readonly first: SettingOccurrence,
    private readonly aliasIndex: number,
  ) {}

  /** Worked out when a finding needs it: it takes the key segments of the first occurrence. */
  get anchor(): KeySegment {
    return this.first.segments[this.aliasIndex];
  }
}

function allRemoteAliases(scope: SettingsScope, prefix: RemoteAlias['prefix'] = REMOTE_PREFIX): RemoteAlias[] {
  const byAlias = new Map<string, AliasGroup>();
  for (const occurrence of scope.occurrences) {
    if (!occurrence.key.startsWith(prefix)) continue;
    const resolved = occurrence.resolved;
    if (resolved.alias === undefined || resolved.aliasIndex === undefined || resolved.namespace !== prefix) continue;
    let remote = byAlias.get(resolved.alias);
    if (!remote) {
      remote = new AliasGroup(prefix, resolved.alias, occurrence, resolved.aliasIndex);
      byAlias.set(resolved.alias, remote);
    }
    const suffix = resolved.suffix ?? '';
    remote.settings.push({ occurrence, suffix, def: resolved.def });
    if (!remote.bySuffix.has(suffix)) remote.bySuffix.set(suffix, occurrence);
    if (resolved.def) remote.known = true;
  }
  for (const remote of byAlias.values()) {
    const own = remote.bySuffix.get('mode');
    const stored = own ? undefined : scope.stored?.get(`${REMOTE_PREFIX}${remote.alias}.mode`)?.occurrence;
    remote.storedMode = stored;
    remote.mode = modeOf(own ?? stored);
  }
  return [...byAlias.values()];
}

function modeOf(occurrence: SettingOccurrence | undefined): RemoteAlias['mode'] {
  if (!occurrence || isNullValue(occurrence.value)) return 'sniff';
  if (occurrence.value.kind !== 'scalar') return undefined;
  // Elasticsearch upper-cases the value before matching it to the enum.
  const text = (occurrence.value.text ?? '').trim().toLowerCase();
  return text === 'sniff' || text === 'proxy' ? text : undefined;
}

/** A value that sets something: not null, not an empty string, not an empty list. */
export function hasValue(occurrence: SettingOccurrence | undefined): boolean {
  if (!occurrence) return false;
  const value = occurrence.value;
  if (value.kind === 'list') return (value.items ?? []).some((item) => item.kind !== 'scalar' || (item.text ?? '').trim() !== '');
  if (value.kind === 'map') return true;
  return value.value !== null && (value.text ?? '').trim() !== '';
}

/** The setting that turns the remote on in its mode: `seeds` (sniff) or `proxy_address` (proxy). */
export function enablingSuffix(mode: 'sniff' | 'proxy'): 'seeds' | 'proxy_address' {
  return mode === 'sniff' ? 'seeds' : 'proxy_address';
}

/** Whether the alias is enabled; undefined when its mode is invalid. */
export function isEnabled(remote: RemoteAlias): boolean | undefined {
  if (!remote.mode) return undefined;
  return hasValue(remote.bySuffix.get(enablingSuffix(remote.mode)));
}

// ---------------------------------------------------------------- security model

/**
 * The security model of an alias. Credentials never belong in a settings file (that is itself an
 * error, see credentials-in-settings), so nothing in the file can prove the API-key model: a port,
 * a comment or a misplaced credentials key only show intent. The one signal we trust is the
 * list of aliases with `cluster.remote.<alias>.credentials` in the keystore, when the user or the
 * host supplies it (AnalysisOptions.keystoreCredentialAliases). Without that list the model is
 * unknown and the model-dependent rules stay silent rather than guess.
 */
export function securityModelOf(
  alias: string,
  context: { options?: AnalysisOptions; scope?: SettingsScope; document?: ConfigDocument },
): SecurityModel {
  const known =
    context.scope && context.document
      ? keystoreAliasesOf(context.document, context.scope, context.options)
      : context.options?.keystoreCredentialAliases;
  if (!known) return 'unknown';
  return known.includes(alias) ? 'api-key' : 'certificate';
}

/**
 * Per scope, options object and manifest: the workspace summary in the options can change between
 * analyses of one parse, and a scope is reused by later versions whose Secrets may differ.
 */
const eckKeystoreAliases = new WeakMap<
  SettingsScope,
  { options: AnalysisOptions | undefined; manifest: unknown; aliases: readonly string[] | undefined }
>();

/**
 * An ECK nodeSet's keystore is described by the manifest itself (ECK-managed API-key remotes and
 * `spec.secureSettings`), so it wins over the editor setting there; elsewhere the host tells.
 */
function keystoreAliasesOf(
  document: ConfigDocument,
  scope: SettingsScope,
  options: AnalysisOptions | undefined,
): readonly string[] | undefined {
  if (scope.origin !== 'eck-config') return options?.keystoreCredentialAliases;
  let cached = eckKeystoreAliases.get(scope);
  if (!cached || cached.options !== options || cached.manifest !== document.eck) {
    cached = { options, manifest: document.eck, aliases: eckKeystoreCredentialAliases(document, scope, options ?? {}) };
    eckKeystoreAliases.set(scope, cached);
  }
  return cached.aliases;
}

// ---------------------------------------------------------------- addresses

export interface AddressValue {
  occurrence: SettingOccurrence;
  /** The scalar the address was written in. */
  node: ValueNode;
  text: string;
  /** Exact span of this address's text (inside quotes, one part of a comma-separated list). */
  span: Span;
  parsed: ParsedAddress;
}

/** Span of a scalar's content: without the quotes of a quoted string. */
export function valueContentSpan(node: ValueNode): Span {
  if (node.quoted && node.span.end - node.span.start >= 2) return { start: node.span.start + 1, end: node.span.end - 1 };
  return node.span;
}

/**
 * Every `host:port` written for an address setting. List settings (`seeds`) take a YAML/JSON list
 * or a comma-separated string; single-address settings are returned as written (a list or a
 * comma there is its own finding).
 */
export function addressValues(occurrence: SettingOccurrence, def: SettingDef): AddressValue[] {
  const value = occurrence.value;
  const result: AddressValue[] = [];
  const add = (node: ValueNode, text: string, span: Span) => {
    if (text.trim() === '') return;
    result.push({ occurrence, node, text, span, parsed: parseAddress(text) });
  };
  const scalars =
    value.kind === 'list' ? (value.items ?? []).filter((i) => i.kind === 'scalar') : value.kind === 'scalar' ? [value] : [];
  if (def.type === 'address' && value.kind === 'list') return [];
  for (const node of scalars) {
    if (node.value === null) continue;
    const text = node.text ?? '';
    const span = valueContentSpan(node);
    if (def.type === 'address-list' && text.includes(',')) {
      let offset = 0;
      for (const part of text.split(',')) {
        const lead = part.length - part.trimStart().length;
        const trimmed = part.trim();
        add(node, trimmed, { start: span.start + offset + lead, end: span.start + offset + lead + trimmed.length });
        offset += part.length + 1;
      }
    } else {
      const lead = text.length - text.trimStart().length;
      add(node, text.trim(), { start: span.start + lead, end: span.start + lead + text.trim().length });
    }
  }
  return result;
}

/** The addresses of an address setting, parsed once per occurrence for every rule that reads them (never mutate). */
const occurrenceAddresses = new WeakMap<SettingOccurrence, AddressValue[]>();

function addressesOf(occurrence: SettingOccurrence, def: SettingDef): AddressValue[] {
  let addresses = occurrenceAddresses.get(occurrence);
  if (!addresses) {
    addresses = addressValues(occurrence, def);
    occurrenceAddresses.set(occurrence, addresses);
  }
  return addresses;
}

const addressCache = new WeakMap<SettingsScope, AddressValue[]>();

/** All addresses of the scope's address settings (`seeds`, `proxy_address`, legacy `proxy`, `search.remote.*.seeds`). */
export function scopeAddresses(scope: SettingsScope): AddressValue[] {
  const cached = addressCache.get(scope);
  if (cached) return cached;
  const result: AddressValue[] = [];
  for (const occurrence of scope.occurrences) {
    const def = occurrence.resolved.def;
    if (def && (def.type === 'address' || def.type === 'address-list')) result.push(...addressesOf(occurrence, def));
  }
  addressCache.set(scope, result);
  return result;
}

const connectionAddressCache = new WeakMap<RemoteAlias, AddressValue[]>();

/** Addresses the alias connects to in its mode (computed once per alias; never mutate the list). */
export function connectionAddresses(remote: RemoteAlias): AddressValue[] {
  let addresses = connectionAddressCache.get(remote);
  if (!addresses) {
    addresses = [];
    const occurrence = remote.mode ? remote.bySuffix.get(enablingSuffix(remote.mode)) : undefined;
    const def = occurrence ? remote.settings.find((s) => s.occurrence === occurrence)?.def : undefined;
    if (occurrence && def) addresses = addressesOf(occurrence, def).filter((a) => a.parsed.ok);
    connectionAddressCache.set(remote, addresses);
  }
  return addresses;
}

/** Elastic Cloud / ECE endpoint host names (heuristic, by domain). */
export function isCloudEndpoint(host: string): boolean {
  return /\.(elastic-cloud\.com|found\.io|es\.io|elastic\.cloud)$/i.test(host.replace(/\.$/, ''));
}

// ---------------------------------------------------------------- spans

export function spanOfSegments(segments: readonly KeySegment[]): Span {
  return { start: segments[0].span.start, end: segments[segments.length - 1].span.end };
}

/** Span to point at for a key segment; an empty segment (`cluster.remote..seeds`) widens to its dots or quotes. */
export function visibleSegmentSpan(segment: KeySegment, text: string): Span {
  if (segment.span.end > segment.span.start) return segment.span;
  const start = Math.max(0, segment.span.start - 1);
  const end = Math.min(text.length, segment.span.end + 1);
  return { start, end };
}

/** First occurrence of a key in the scope. */
export function occurrenceOf(scope: SettingsScope, key: string): SettingOccurrence | undefined {
  return scope.byKey.get(key);
}

/** Lower-cased scalar text, or undefined for null / non-scalar values. */
export function occurrenceText(occurrence: SettingOccurrence | undefined): string | undefined {
  if (!occurrence || occurrence.value.kind !== 'scalar' || occurrence.value.value === null) return undefined;
  return (occurrence.value.text ?? '').trim().toLowerCase();
}

/** `true` / `false` as Elasticsearch reads a boolean setting; undefined when unset or not a boolean. */
export function booleanValue(occurrence: SettingOccurrence | undefined): boolean | undefined {
  const text = occurrenceText(occurrence);
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

// ---------------------------------------------------------------- wording

/**
 * A setting as the user would write it in this document: `mode: proxy` in YAML, `"mode": "proxy"`
 * in JSON bodies. `value` is written as given when it is already a list (`["<host>:<port>"]`).
 */
export function written(document: Pick<ConfigDocument, 'format'>, key: string, value: string | boolean): string {
  if (document.format !== 'json') return `${key}: ${value}`;
  const json = typeof value === 'boolean' || value.startsWith('[') ? String(value) : JSON.stringify(value);
  return `"${key}": ${json}`;
}
