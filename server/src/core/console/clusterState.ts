import type { JsonBody } from '../json/body';
import { isNullValue, type ClusterSettingsState, type SettingOccurrence, type StoredSetting } from '../model/settingsScope';

/**
 * The `cluster.remote.*` settings a cluster holds as a Console file's requests run in order. Each
 * `PUT _cluster/settings` body is checked against the state the earlier accepted requests left;
 * a request Elasticsearch would reject as a whole applies nothing.
 */

type Persistence = StoredSetting['persistence'];

/** The refused mode switches of one request: the `mode` occurrence with the other mode's settings it leaves stored. */
export interface RefusedModeSwitch {
  mode: SettingOccurrence;
  to: 'sniff' | 'proxy';
  alias: string;
  leftovers: Array<StoredSetting & { mode: 'sniff' | 'proxy' }>;
}

const REMOTE = 'cluster.remote.';

class ClusterSettingsTracker {
  private readonly stores: Record<Persistence, Map<string, SettingOccurrence>> = {
    persistent: new Map(),
    transient: new Map(),
  };

  effective(): ClusterSettingsState {
    const state = new Map<string, StoredSetting>();
    for (const persistence of ['persistent', 'transient'] as const)
      for (const [key, occurrence] of this.stores[persistence]) state.set(key, { occurrence, persistence });
    return state;
  }

  apply(body: JsonBody): void {
    for (const scope of body.scopes) {
      const store = this.stores[scope.persistence ?? 'persistent'];
      for (const occurrence of scope.occurrences) {
        if (!occurrence.key.startsWith(REMOTE)) continue;
        if (!isNullValue(occurrence.value)) store.set(occurrence.key, occurrence);
        else if (occurrence.key.endsWith('.*')) {
          const prefix = occurrence.key.slice(0, -1);
          for (const key of [...store.keys()]) if (key.startsWith(prefix)) store.delete(key);
        } else store.delete(occurrence.key);
      }
    }
  }
}

/**
 * Mode switches Elasticsearch refuses: it validates the merged settings, and a setting of one mode
 * stored for an alias whose mode becomes the other fails with `Setting "…seeds" cannot be used
 * with the configured "…mode" [required=SNIFF, configured=PROXY]` (RemoteConnectionStrategy).
 */
export function refusedModeSwitches(body: JsonBody, before: ClusterSettingsState): RefusedModeSwitch[] {
  const occurrences = body.scopes.flatMap((scope) => scope.occurrences);
  const mentioned = new Set(occurrences.map((o) => o.key));
  const refused: RefusedModeSwitch[] = [];
  for (const occurrence of occurrences) {
    const alias = occurrence.resolved.alias;
    if (occurrence.resolved.suffix !== 'mode' || !alias || !occurrence.key.startsWith(REMOTE)) continue;
    if (isNullValue(occurrence.value) || occurrence.value.kind !== 'scalar') continue;
    const to = occurrence.value.text?.trim().toLowerCase();
    if (to !== 'sniff' && to !== 'proxy') continue;
    if (mentioned.has(`${REMOTE}${alias}.*`)) continue; // the request resets the alias
    const leftovers: RefusedModeSwitch['leftovers'] = [];
    for (const [key, stored] of before) {
      const resolved = stored.occurrence.resolved;
      const mode = resolved.def?.mode;
      if (resolved.alias !== alias || mentioned.has(key) || (mode !== 'sniff' && mode !== 'proxy') || mode === to) continue;
      leftovers.push({ ...stored, mode });
    }
    if (leftovers.length > 0) refused.push({ mode: occurrence, to, alias, leftovers });
  }
  return refused;
}

/**
 * Whether Elasticsearch rejects the whole request, so none of its settings are stored: a JSON
 * syntax error, an unknown or static `cluster.remote.*` setting, an invalid `mode`, or a refused
 * mode switch. These mirror the error-severity rules that Elasticsearch enforces at the API; the
 * rules still report them, this only decides what the later requests see.
 */
export function rejectsRequest(body: JsonBody, before: ClusterSettingsState): boolean {
  if (body.syntaxErrors.length > 0 || body.tooDeep) return true;
  for (const scope of body.scopes)
    for (const occurrence of scope.occurrences) {
      const resolved = occurrence.resolved;
      if (!occurrence.key.startsWith(REMOTE) || isNullValue(occurrence.value)) continue;
      if (resolved.namespace && !resolved.def) return true;
      if (resolved.def && (resolved.def.scope === 'static' || resolved.def.scope.startsWith('secure'))) return true;
      if (resolved.suffix === 'mode') {
        const text = occurrence.value.kind === 'scalar' ? occurrence.value.text?.trim().toLowerCase() : undefined;
        if (text !== 'sniff' && text !== 'proxy') return true;
      }
    }
  return refusedModeSwitches(body, before).length > 0;
}

/**
 * Walks the `_cluster/settings` bodies of a Console file in order and records on each body and
 * its scopes the effective settings before it (only for the second request on: a single request
 * is checked on its own, as before).
 */
export function trackClusterSettings(bodies: readonly JsonBody[]): void {
  const tracker = new ClusterSettingsTracker();
  let seen = 0;
  for (const body of bodies) {
    if (body.kind !== 'cluster-settings' || body.request?.method !== 'PUT') continue;
    const before = tracker.effective();
    if (seen++ > 0) {
      body.clusterStateBefore = before;
      for (const scope of body.scopes) scope.stored = before;
    }
    if (!rejectsRequest(body, before)) tracker.apply(body);
  }
}
