import { OWNED_NAMESPACES, SETTINGS, type SettingDef } from './settingsCatalog';
import { TextMemo } from '../textMemo';

const ALIAS_PLACEHOLDER = '<alias>';
const AFFIX_PREFIXES = ['cluster.remote.', 'search.remote.'] as const;

const exactKeys = new Map<string, SettingDef>();
const affixKeys = new Map<string, SettingDef>(); // "cluster.remote.<alias>.seeds" → def
for (const def of SETTINGS) {
  (def.key.includes(ALIAS_PLACEHOLDER) ? affixKeys : exactKeys).set(def.key, def);
}

export interface ResolvedKey {
  key: string;
  def?: SettingDef;
  /** The alias, for `cluster.remote.<alias>.*` and `search.remote.<alias>.*` keys. */
  alias?: string;
  /** Index of the alias among the key's dot-separated segments. */
  aliasIndex?: number;
  /** The part after the alias (`seeds`, `transport.compress`, …). */
  suffix?: string;
  /** Owned namespace the key falls under, if any. */
  namespace?: string;
}

export function namespaceOf(key: string): string | undefined {
  return OWNED_NAMESPACES.find((ns) => key.startsWith(ns));
}

/**
 * Every rule asks about every key of a scope, so results are remembered by key (the same keys come
 * back with each re-parse of an edited file). Bounded: past the limit the memory starts over.
 */
const resolvedKeys = new TextMemo((key) => Object.freeze(resolveUncached(key)), 50_000);

/** Resolves a full dotted key to its catalog entry and alias. Unknown keys resolve without `def`. The result is shared: never mutate it. */
export function resolveKey(key: string): Readonly<ResolvedKey> {
  return resolvedKeys.get(key);
}

function resolveUncached(key: string): ResolvedKey {
  const exact = exactKeys.get(key);
  if (exact) return { key, def: exact, namespace: namespaceOf(key) };
  for (const prefix of AFFIX_PREFIXES) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const dot = rest.indexOf('.');
    const alias = dot < 0 ? rest : rest.slice(0, dot);
    const suffix = dot < 0 ? '' : rest.slice(dot + 1);
    const def = affixKeys.get(`${prefix}${ALIAS_PLACEHOLDER}.${suffix}`);
    return { key, def, alias, aliasIndex: prefix.split('.').length - 1, suffix, namespace: prefix };
  }
  return { key, namespace: namespaceOf(key) };
}

export function concreteKey(def: SettingDef, alias: string): string {
  return def.key.replace(ALIAS_PLACEHOLDER, alias);
}

export function isAffix(def: SettingDef): boolean {
  return def.key.includes(ALIAS_PLACEHOLDER);
}

/** Elasticsearch's affix grammar: the alias must match [-\w]+ (ASCII letters, digits, _ and -). */
export const VALID_ALIAS = /^[-\w]+$/;
