import { isPlainAddress, parseAddress, type ParsedAddress } from '../address';
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
  settings: readonly AliasSetting[];
  /** First occurrence of each suffix (later duplicates are reported by duplicate-setting). */
  bySuffix: SuffixLookup;
  /** Effective mode: the `mode` value (case-insensitive) or the default `sniff`; undefined when the value is invalid. */
  mode: 'sniff' | 'proxy' | undefined;
  /** The `mode` an earlier Console request stored, when this scope does not set one and the mode comes from it. */
  storedMode?: SettingOccurrence;
  /** The alias segment of its first occurrence, where alias-level findings point. */
  readonly anchor: KeySegment;
  /** At least one key of the alias is a known setting (so the alias is not just a typo). */
  known: boolean;
}

/** The first occurrence of a suffix (`seeds`, `mode`, …) among an alias's settings. */
export interface SuffixLookup {
  get(suffix: string): SettingOccurrence | undefined;
  has(suffix: string): boolean;
}

/**
 * What the rules derive from one scope, built piece by piece on first use: the aliases under each
 * prefix, the occurrences by catalog entry, the flagged addresses. One cache entry per
 * scope; everything else hangs off it, so a scope with thousands of remotes costs no per-alias or
 * per-occurrence cache entries.
 */
class ScopeModel {
  private current?: AliasGrouping;
  private legacy?: AliasGrouping;
  private invalid?: readonly AddressValue[];
  private definitions?: OccurrencesByDefinition;

  constructor(readonly scope: SettingsScope) {}

  /** This model for `scope`, the next version of its scope after `edit` (see carryScopeModel). */
  carriedTo(scope: SettingsScope, edit: ScopeEdit): ScopeModel {
    const next = new ScopeModel(scope);
    if (this.current) next.current = carryGrouping(this.current, scope, edit);
    if (this.legacy) next.legacy = carryGrouping(this.legacy, scope, edit);
    if (this.invalid) next.invalid = carryFlaggedAddresses(this.invalid, edit);
    return next;
  }

  aliases(prefix: RemoteAlias['prefix']): AliasGrouping {
    if (prefix === REMOTE_PREFIX) return (this.current ??= groupAliases(this.scope, prefix));
    return (this.legacy ??= groupAliases(this.scope, prefix));
  }

  /** The scope's flagged addresses, in order (see flaggedAddresses). */
  flaggedAddresses(): readonly AddressValue[] {
    if (this.invalid) return this.invalid;
    const invalid: AddressValue[] = [];
    const groups = this.byDefinition().known;
    for (let g = 0; g < groups.length; g++) {
      const { def, occurrences } = groups[g];
      if (def.type !== 'address' && def.type !== 'address-list') continue;
      for (let i = 0; i < occurrences.length; i++) appendAddressValues(occurrences[i], def, invalid, true);
    }
    // Grouped by setting above: back in document order.
    if (invalid.length > 1) invalid.sort((a, b) => a.span.start - b.span.start);
    this.invalid = invalid.length > 0 ? invalid : NO_ADDRESSES;
    return this.invalid;
  }

  byDefinition(): OccurrencesByDefinition {
    if (this.definitions) return this.definitions;
    const byDef = new Map<SettingDef, SettingOccurrence[]>();
    const known: DefinitionOccurrences[] = [];
    const unknown: SettingOccurrence[] = [];
    const occurrences = this.scope.occurrences;
    for (let i = 0; i < occurrences.length; i++) {
      const occurrence = occurrences[i];
      const def = occurrence.resolved.def;
      if (!def) {
        unknown.push(occurrence);
        continue;
      }
      const list = byDef.get(def);
      if (list) list.push(occurrence);
      else {
        const first = [occurrence];
        byDef.set(def, first);
        known.push({ def, occurrences: first });
      }
    }
    this.definitions = { known, unknown };
    return this.definitions;
  }
}

/** Occurrences of one catalog entry, in document order. */
export interface DefinitionOccurrences {
  def: SettingDef;
  occurrences: readonly SettingOccurrence[];
}

interface OccurrencesByDefinition {
  /** One entry per catalog entry the scope uses, in order of first appearance. */
  known: readonly DefinitionOccurrences[];
  /** Occurrences of keys the catalog does not know, in document order. */
  unknown: readonly SettingOccurrence[];
}

interface AliasGrouping {
  /** In order of first appearance. */
  all: readonly AliasGroup[];
  /** The aliases Elasticsearch's alias grammar accepts (the same list when all do). */
  valid: readonly AliasGroup[];
}

const scopeModels = new WeakMap<SettingsScope, ScopeModel>();

/**
 * What an edit did to a scope whose settings kept their keys: some settings were replaced by
 * settings with the same keys (the edit was in their values, or in blanks), and every position at
 * or after `from` in the old text moved by `delta` (the settings there were moved in place).
 */
export interface ScopeEdit {
  successors: ReadonlyMap<SettingOccurrence, SettingOccurrence>;
  from: number;
  delta: number;
}

/**
 * Lets `next`, the scope that `previous` became after `edit`, start from the model worked out for
 * `previous`: the aliases whose settings the edit did not touch keep their groups, and the
 * flagged addresses are only looked for in the new settings. A keystroke in a body
 * with thousands of remotes then does not group them all again. Nothing is carried when nothing
 * was worked out for `previous`. The previous model must not be used afterwards.
 */
export function carryScopeModel(previous: SettingsScope, next: SettingsScope, edit: ScopeEdit): void {
  const model = scopeModels.get(previous);
  if (model) scopeModels.set(next, model.carriedTo(next, edit));
}

function carryGrouping(grouping: AliasGrouping, scope: SettingsScope, edit: ScopeEdit): AliasGrouping {
  const touched = new Set<string>();
  for (const old of edit.successors.keys()) if (old.resolved.alias !== undefined) touched.add(old.resolved.alias);
  const all = grouping.all.map((remote) => {
    if (touched.has(remote.alias)) return remote.withSuccessors(edit.successors, scope);
    // Its settings moved, and the addresses it connects to hold their old spans: worked out again when asked for.
    remote.connection = undefined;
    return remote;
  });
  return { all, valid: grouping.valid === grouping.all ? all : all.filter((remote) => VALID_ALIAS.test(remote.alias)) };
}

function carryFlaggedAddresses(invalid: readonly AddressValue[], edit: ScopeEdit): readonly AddressValue[] {
  const { successors, from, delta } = edit;
  const carried: AddressValue[] = [];
  for (const address of invalid) {
    if (successors.has(address.occurrence)) continue;
    const { span } = address;
    carried.push(span.start >= from ? { ...address, span: { start: span.start + delta, end: span.end + delta } } : address);
  }
  const before = carried.length;
  for (const replacement of successors.values()) {
    const def = replacement.resolved.def;
    if (def && (def.type === 'address' || def.type === 'address-list')) appendAddressValues(replacement, def, carried, true);
  }
  if (carried.length > before) carried.sort((a, b) => a.span.start - b.span.start);
  return carried.length > 0 ? carried : NO_ADDRESSES;
}

function modelOf(scope: SettingsScope): ScopeModel {
  let model = scopeModels.get(scope);
  if (!model) {
    model = new ScopeModel(scope);
    scopeModels.set(scope, model);
  }
  return model;
}

/**
 * The scope's occurrences by catalog entry, one entry per setting it uses (in order of first
 * appearance, each list in document order). A rule about a few kinds of setting tests each entry
 * once instead of every occurrence. Shared: never mutate.
 */
export function occurrencesByDefinition(scope: SettingsScope): readonly DefinitionOccurrences[] {
  return modelOf(scope).byDefinition().known;
}

/** The scope's occurrences of keys the catalog does not know, in document order (shared: never mutate). */
export function unknownOccurrences(scope: SettingsScope): readonly SettingOccurrence[] {
  return modelOf(scope).byDefinition().unknown;
}

/**
 * The valid `search.remote.<alias>.*` aliases of a scope: the same model under the old name, for
 * the rules that apply to both names while the old one exists.
 */
export function legacyRemoteAliases(scope: SettingsScope): readonly RemoteAlias[] {
  return modelOf(scope).aliases(LEGACY_REMOTE_PREFIX).valid;
}

/**
 * The `cluster.remote.<alias>.*` aliases of a scope, in order of first appearance. Aliases that
 * break Elasticsearch's alias grammar (empty, spaces, …) are not remote clusters to Elasticsearch,
 * so only the alias rules ask for them. The lists are shared by every rule: never mutate them.
 */
export function remoteAliases(scope: SettingsScope, options?: { includeInvalid?: boolean }): readonly RemoteAlias[] {
  const grouping = modelOf(scope).aliases(REMOTE_PREFIX);
  return options?.includeInvalid ? grouping.all : grouping.valid;
}

/** Above this many settings an alias looks its suffixes up in a Map; below, a scan is cheaper than building one. */
const SCANNED_SETTINGS = 12;

class AliasGroup implements RemoteAlias, SuffixLookup {
  readonly settings: AliasSetting[] = [];
  mode: RemoteAlias['mode'] = 'sniff';
  storedMode?: SettingOccurrence;
  known = false;
  /** The addresses it connects to, once asked for (see connectionAddresses). */
  connection?: readonly AddressValue[];
  private firstBySuffix?: Map<string, SettingOccurrence>;

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

  get bySuffix(): SuffixLookup {
    return this;
  }

  get(suffix: string): SettingOccurrence | undefined {
    const settings = this.settings;
    if (settings.length <= SCANNED_SETTINGS) {
      for (let i = 0; i < settings.length; i++) if (settings[i].suffix === suffix) return settings[i].occurrence;
      return undefined;
    }
    if (!this.firstBySuffix) {
      this.firstBySuffix = new Map();
      for (const setting of settings)
        if (!this.firstBySuffix.has(setting.suffix)) this.firstBySuffix.set(setting.suffix, setting.occurrence);
    }
    return this.firstBySuffix.get(suffix);
  }

  has(suffix: string): boolean {
    return this.get(suffix) !== undefined;
  }

  /** This alias after an edit replaced some of its settings by settings with the same keys. */
  withSuccessors(successors: ReadonlyMap<SettingOccurrence, SettingOccurrence>, scope: SettingsScope): AliasGroup {
    const next = new AliasGroup(this.prefix, this.alias, successors.get(this.first) ?? this.first, this.aliasIndex);
    for (const setting of this.settings) {
      const replacement = successors.get(setting.occurrence);
      next.settings.push(replacement ? { occurrence: replacement, suffix: setting.suffix, def: setting.def } : setting);
    }
    next.known = this.known;
    settleMode(next, scope);
    return next;
  }
}

/** The alias's effective mode: its own `mode`, or the one an earlier Console request stored. */
function settleMode(remote: AliasGroup, scope: SettingsScope): void {
  const own = remote.get('mode');
  const stored = own ? undefined : scope.stored?.get(`${REMOTE_PREFIX}${remote.alias}.mode`)?.occurrence;
  remote.storedMode = stored;
  remote.mode = modeOf(own ?? stored);
}

function groupAliases(scope: SettingsScope, prefix: RemoteAlias['prefix']): AliasGrouping {
  const byAlias = new Map<string, AliasGroup>();
  const all: AliasGroup[] = [];
  let validCount = 0;
  let last: AliasGroup | undefined; // the settings of an alias mostly come one after the other
  const occurrences = scope.occurrences;
  for (let i = 0; i < occurrences.length; i++) {
    const occurrence = occurrences[i];
    const resolved = occurrence.resolved;
    // An alias is only resolved under its own prefix, which the key then starts with.
    if (resolved.namespace !== prefix || resolved.alias === undefined || resolved.aliasIndex === undefined) continue;
    let remote = last !== undefined && last.alias === resolved.alias ? last : byAlias.get(resolved.alias);
    if (!remote) {
      remote = new AliasGroup(prefix, resolved.alias, occurrence, resolved.aliasIndex);
      byAlias.set(resolved.alias, remote);
      all.push(remote);
      if (VALID_ALIAS.test(resolved.alias)) validCount++;
    }
    last = remote;
    remote.settings.push({ occurrence, suffix: resolved.suffix ?? '', def: resolved.def });
    if (resolved.def) remote.known = true;
  }
  for (let i = 0; i < all.length; i++) settleMode(all[i], scope);
  const valid = validCount === all.length ? all : all.filter((remote) => VALID_ALIAS.test(remote.alias));
  return { all, valid };
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
  if (value.kind === 'list') {
    const items = value.items ?? [];
    for (let i = 0; i < items.length; i++) if (items[i].kind !== 'scalar' || (items[i].text ?? '').trim() !== '') return true;
    return false;
  }
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
  const result: AddressValue[] = [];
  appendAddressValues(occurrence, def, result);
  return result;
}

/** addressValues, appended to `target`; with `onlyFlagged`, only the ones flaggedAddresses lists (the others cost no objects). */
function appendAddressValues(occurrence: SettingOccurrence, def: SettingDef, target: AddressValue[], onlyFlagged = false): void {
  const value = occurrence.value;
  if (value.kind === 'scalar') {
    appendScalarAddresses(occurrence, value, def, target, onlyFlagged);
  } else if (value.kind === 'list' && def.type !== 'address') {
    const items = value.items ?? [];
    for (let i = 0; i < items.length; i++)
      if (items[i].kind === 'scalar') appendScalarAddresses(occurrence, items[i], def, target, onlyFlagged);
  }
}

function appendScalarAddresses(
  occurrence: SettingOccurrence,
  node: ValueNode,
  def: SettingDef,
  target: AddressValue[],
  onlyFlagged: boolean,
): void {
  if (node.value === null) return;
  const text = node.text ?? '';
  const contentStart = valueContentStart(node);
  if (def.type === 'address-list' && text.includes(',')) {
    let offset = 0;
    for (const part of text.split(',')) {
      appendAddress(occurrence, node, part, contentStart + offset, target, onlyFlagged);
      offset += part.length + 1;
    }
  } else {
    appendAddress(occurrence, node, text, contentStart, target, onlyFlagged);
  }
}

/** One address: `written` trimmed, its span where the trimmed text starts (`start` is where `written` starts). */
function appendAddress(
  occurrence: SettingOccurrence,
  node: ValueNode,
  written: string,
  start: number,
  target: AddressValue[],
  onlyFlagged: boolean,
): void {
  const text = written.trim();
  if (text === '') return;
  const parsed = parseAddress(text);
  if (onlyFlagged && isPlainAddress(parsed)) return;
  const lead = text.length === written.length ? 0 : written.length - written.trimStart().length;
  target.push({ occurrence, node, text, span: { start: start + lead, end: start + lead + text.length }, parsed });
}

/** Where a scalar's content starts: after the opening quote of a quoted string (as valueContentSpan). */
function valueContentStart(node: ValueNode): number {
  return node.quoted && node.span.end - node.span.start >= 2 ? node.span.start + 1 : node.span.start;
}

/** The addresses that parse (one shared empty list when none do). */
function usable(addresses: readonly AddressValue[]): readonly AddressValue[] {
  const result: AddressValue[] = [];
  for (let i = 0; i < addresses.length; i++) if (addresses[i].parsed.ok) result.push(addresses[i]);
  return result.length === 0 ? NO_ADDRESSES : result;
}

const NO_ADDRESSES: readonly AddressValue[] = Object.freeze([]);

/**
 * The addresses of the scope's address settings (`seeds`, `proxy_address`, legacy `proxy`,
 * `search.remote.*.seeds`) that a rule reports: those that do not parse, and those that parse but
 * are not written the plain way (isPlainAddress: `10.0.12`, `fe80::1:9300`). In order, worked out
 * once per scope (never mutate).
 */
export function flaggedAddresses(scope: SettingsScope): readonly AddressValue[] {
  return modelOf(scope).flaggedAddresses();
}

/** Addresses the alias connects to in its mode that parse (worked out once per alias; never mutate the list). */
export function connectionAddresses(remote: RemoteAlias): readonly AddressValue[] {
  if (!(remote instanceof AliasGroup)) return connectionOf(remote);
  return (remote.connection ??= connectionOf(remote));
}

function connectionOf(remote: RemoteAlias): readonly AddressValue[] {
  const occurrence = remote.mode ? remote.bySuffix.get(enablingSuffix(remote.mode)) : undefined;
  const def = occurrence?.resolved.def;
  if (!occurrence || !def) return NO_ADDRESSES;
  return usable(addressValues(occurrence, def));
}

const CLOUD_DOMAINS = 'elastic-cloud\\.com|found\\.io|es\\.io|elastic\\.cloud';
/** A host in one of those domains, with or without the final dot of a fully qualified name. */
const CLOUD_ENDPOINT = new RegExp(`\\.(${CLOUD_DOMAINS})\\.?$`, 'i');
const CLOUD_DOMAIN_ANYWHERE = new RegExp(CLOUD_DOMAINS, 'i');

/** Elastic Cloud / ECE endpoint host names (heuristic, by domain). */
export function isCloudEndpoint(host: string): boolean {
  return CLOUD_ENDPOINT.test(host);
}

/**
 * Whether an address setting's value may hold an Elastic Cloud / ECE endpoint: its text names one of
 * their domains. A quick test that spares working out the addresses of every other remote.
 */
export function mayHoldCloudEndpoint(value: ValueNode): boolean {
  if (value.kind === 'scalar') return value.text !== undefined && CLOUD_DOMAIN_ANYWHERE.test(value.text);
  if (value.kind !== 'list' || !value.items) return false;
  for (let i = 0; i < value.items.length; i++) if (mayHoldCloudEndpoint(value.items[i])) return true;
  return false;
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

/** Every occurrence of a key in the scope, repeated ones included, in order; no scan when the key is absent. */
export function occurrencesOf(scope: SettingsScope, key: string): readonly SettingOccurrence[] {
  const first = scope.byKey.get(key);
  if (!first) return [];
  return scope.duplicates.length === 0 ? [first] : scope.occurrences.filter((occurrence) => occurrence.key === key);
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
