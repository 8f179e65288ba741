/**
 * A deployment's Elasticsearch user settings (its elasticsearch.yml: `plan.elasticsearch.user_settings_yaml`
 * in the Elastic Cloud / ECE API): reading single settings out of the YAML, changing only the
 * given keys (the rest of the text, comments included, stays as it is), and a recorded write with
 * its undo. Used for the strong identity verification settings, which the seeds show as
 * elasticsearch.yml lines (https://www.elastic.co/docs/deploy-manage/remote-clusters/ec-remote-cluster-same-ess).
 */
import { isMap, parseDocument, stringify } from 'yaml';
import type { Result } from '#core';
import type { CloudClient } from '../api/cloud';
import { ApiError } from '../api/errors';
import { isRecord } from '../api/shape';
import { recordedWrite, type ChangeLog } from './changes';
import type { FlowContext } from './context';
import type { DeploymentTarget } from './deployments';

export type SettingValue = string | string[];
/** New values by flat key; null removes the key. */
export type SettingChanges = Record<string, SettingValue | null>;

/** Every setting of a YAML text as flat dotted keys (`a: {b: 1}` and `a.b: 1` are the same setting). */
export function flatSettings(yamlText: string): Result<Record<string, SettingValue>> {
  const document = parseDocument(yamlText);
  if (document.errors.length)
    return { ok: false, problem: `the user settings are not valid YAML (${document.errors[0].message})` };
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return { ok: true, value: {} };
  if (!isRecord(value)) return { ok: false, problem: 'the user settings are not a YAML mapping' };
  const flat: Record<string, SettingValue> = {};
  const walk = (node: unknown, prefix: string): void => {
    if (isRecord(node)) for (const [key, inner] of Object.entries(node)) walk(inner, prefix ? `${prefix}.${key}` : key);
    else flat[prefix] = Array.isArray(node) ? node.map(String) : String(node);
  };
  walk(value, '');
  return { ok: true, value: flat };
}

/**
 * The YAML with `changes` applied as top-level flat keys. A key that is set in nested form
 * (`cluster: {remote: …}`) is not rewritten: the result says so, and the person edits it by hand.
 */
export function withSettings(yamlText: string, changes: SettingChanges): Result<string> {
  const document = parseDocument(yamlText);
  if (document.errors.length)
    return { ok: false, problem: `the user settings are not valid YAML (${document.errors[0].message})` };
  const flat = flatSettings(yamlText);
  if (!flat.ok) return flat;
  if (document.contents !== null && !isMap(document.contents))
    return { ok: false, problem: 'the user settings are not a YAML mapping' };
  for (const [key, value] of Object.entries(changes)) {
    const flatHere = document.has(key);
    if (!flatHere && key in flat.value) {
      return {
        ok: false,
        problem: `${key} is set in nested form in the user settings; change it there by hand (the flow only edits flat keys)`,
      };
    }
    if (value === null) document.delete(key);
    else document.set(key, Array.isArray(value) && value.length === 1 ? value[0] : value);
  }
  const text =
    document.contents === null || (isMap(document.contents) && document.contents.items.length === 0) ? '' : document.toString();
  return { ok: true, value: text };
}

/** The current user settings of a deployment's Elasticsearch resource, as YAML (a JSON form is converted). */
export function userSettingsYaml(plan: Record<string, unknown> | undefined): string {
  const elasticsearch = isRecord(plan?.elasticsearch) ? plan.elasticsearch : {};
  if (typeof elasticsearch.user_settings_yaml === 'string') return elasticsearch.user_settings_yaml;
  if (isRecord(elasticsearch.user_settings_json)) return stringify(elasticsearch.user_settings_json);
  return '';
}

/** Reads a deployment's user settings (flat). */
export async function readUserSettings(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId'>,
): Promise<Record<string, SettingValue>> {
  const snapshot = await cloud.readForUpdate(target.deploymentId, target.refId);
  const flat = flatSettings(userSettingsYaml(snapshot.resource.info.plan_info?.current?.plan));
  if (!flat.ok) throw new ApiError('malformed-response', `Deployment "${target.deploymentId}": ${flat.problem}.`);
  return flat.value;
}

/** Applies `changes` to the user settings as they are right now, with the deployment's version; returns the values before. */
async function writeUserSettings(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId' | 'deploymentName'>,
  changes: SettingChanges,
  onBefore?: (before: Record<string, SettingValue>) => void,
): Promise<void> {
  const snapshot = await cloud.readForUpdate(target.deploymentId, target.refId);
  const current = userSettingsYaml(snapshot.resource.info.plan_info?.current?.plan);
  const before = flatSettings(current);
  if (!before.ok) throw new ApiError('configuration', `The user settings of "${target.deploymentName}": ${before.problem}.`);
  onBefore?.(before.value);
  const next = withSettings(current, changes);
  if (!next.ok) throw new ApiError('configuration', `The user settings of "${target.deploymentName}": ${next.problem}.`);
  await cloud.updateDeploymentUserSettings(snapshot, next.value);
}

/** Whether the flat settings hold exactly these changes. */
export function settingsApplied(settings: Record<string, SettingValue>, changes: SettingChanges): boolean {
  return Object.entries(changes).every(([key, value]) =>
    value === null ? !(key in settings) : JSON.stringify([settings[key]].flat()) === JSON.stringify([value].flat()),
  );
}

function describeChanges(changes: SettingChanges): string {
  return Object.entries(changes)
    .map(([key, value]) => (value === null ? `remove ${key}` : `${key}: ${[value].flat().join(', ')}`))
    .join('; ');
}

/**
 * Writes `changes` into the user settings of a deployment and records the change; its undo puts
 * each key back as it was just before the write (or removes it). The deployment applies the new
 * plan by itself; the flow waits until no plan is pending (bounded by the connect timeout).
 */
export async function recordedUserSettingsWrite(
  context: FlowContext,
  changes: ChangeLog,
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId' | 'deploymentName'>,
  settings: SettingChanges,
): Promise<void> {
  let before: Record<string, SettingValue> | undefined;
  const restoring = (): SettingChanges =>
    Object.fromEntries(Object.keys(settings).map((key) => [key, before && key in before ? before[key] : null]));
  await recordedWrite(context, changes, {
    write: () => writeUserSettings(cloud, target, settings, (read) => (before = read)),
    isApplied: async () => settingsApplied(await readUserSettings(cloud, target), settings),
    change: () => ({
      done: `Set in the user settings of deployment "${target.deploymentName}": ${describeChanges(settings)}.`,
      undo: {
        description: `Restoring the user settings of "${target.deploymentName}"`,
        run: () => writeUserSettings(cloud, target, restoring()),
        byHand: `in the user settings (elasticsearch.yml) of deployment "${target.deploymentName}" (the console's Edit page): ${describeChanges(restoring())}`,
        isUndone: async () => settingsApplied(await readUserSettings(cloud, target), restoring()),
      },
    }),
  });
  await waitForPlan(context, cloud, target);
}

/** A configuration change restarts the nodes one by one; on a large deployment that takes minutes. */
export const PLAN_WAIT_MS = 15 * 60_000;

/** Waits (bounded) until the deployment has no pending plan, so that the next step sees the new settings. */
export async function waitForPlan(
  context: FlowContext,
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId' | 'deploymentName'>,
): Promise<void> {
  const deadline = context.timing.now() + Math.max(context.timing.connectTimeoutMs, PLAN_WAIT_MS);
  for (;;) {
    const snapshot = await cloud.readForUpdate(target.deploymentId, target.refId);
    if (!snapshot.resource.info.plan_info?.pending) return;
    if (context.timing.now() >= deadline) {
      throw new ApiError(
        'unknown',
        `Deployment "${target.deploymentName}" is still applying its new configuration after ${Math.round(PLAN_WAIT_MS / 60_000)} minutes. Wait until its activity shows the change as finished, then check the connection.`,
      );
    }
    await context.timing.sleep(Math.max(context.timing.pollIntervalMs, 5000));
  }
}
