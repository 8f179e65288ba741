/**
 * The key life-cycle flows through the real UI (uiDriver.ts types into the quick inputs and clicks
 * the dialogs): Change Cross-Cluster API Key (rotate) and Migrate to the API-Key Model, each run
 * once from the Command Palette command without arguments. The emulator's "remote" cluster is the
 * Elastic Cloud deployment "prod" (its keystore is written through the Cloud API) and acts as the
 * local side; the "local" cluster is the one it connects to. The state each test starts from is
 * set up over HTTP, and the outcome is read back from the emulator.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { FlowResult } from '../../../client/src/flows/changes';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, type EmulatorEndpoints } from './support';
import * as ui from './uiDriver';

const ISSUER = 'itest keys issuer';
const HOSTED = 'itest keys hosted';
const ROTATED_ALIAS = 'itest-rotate';
const ACCESS_KEY = 'itest-access-key';
const MIGRATED_ALIAS = 'itest-migrate';
const SERVER = 'local.emulated.local:9443';
const TRANSPORT = 'local.emulated.local:9300';

const saved: ConnectionProfile[] = [];

async function readyApi(): Promise<{ api: ExtensionApi; endpoints: EmulatorEndpoints }> {
  const endpoints = emulatorEndpoints();
  assert.ok(endpoints?.cloudUrl && endpoints.cloudApiKey, 'the harness started the emulator with a Cloud API');
  assert.ok(ui.uiDriverAvailable(), 'the harness offers the UI driver (ERC_UI_DRIVER; code-server route only)');
  // Whatever ran before (toasts filling the slots, editors, a stray quick input) must not matter.
  await ui.cleanWorkbench();
  const api = (await activatedExtension()).exports as ExtensionApi;
  assert.equal(api.flows.scriptedUiInstalled(), false, 'no scripted UI is installed: the real quick inputs and dialogs answer');
  return { api, endpoints };
}

/** The connections both tests use: "local" (issues keys) and "remote" on the Cloud deployment, plus the Cloud API. */
async function connections(api: ExtensionApi, endpoints: EmulatorEndpoints): Promise<void> {
  if (saved.length) return;
  const basic = { auth: 'basic' as const, username: endpoints.username };
  saved.push(
    await api.connections.store.add(
      { name: ISSUER, kind: 'elasticsearch', url: endpoints.clusters.local.url, ...basic },
      { password: endpoints.password },
    ),
    await api.connections.store.add(
      { name: HOSTED, kind: 'elasticsearch', url: endpoints.clusters.remote.url, ...basic },
      { password: endpoints.password },
    ),
    await api.connections.store.add(
      { name: 'itest keys cloud', kind: 'cloud', url: endpoints.cloudUrl, auth: 'apiKey' },
      { apiKey: endpoints.cloudApiKey },
    ),
  );
}

/**
 * The flows end with a toast ("Show Report"); VS Code shows three toasts at a time, so ours are
 * cleared for the later tests, which wait for their own.
 */
async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
}

/** Takes an alias off "remote" (settings and deployment keystore), so later tests start from the usual state. */
async function removeAlias(endpoints: EmulatorEndpoints, alias: string, keys: string[]): Promise<void> {
  await call(endpoints, 'remote', 'PUT', '/_cluster/settings', {
    persistent: Object.fromEntries(keys.map((key) => [`cluster.remote.${alias}.${key}`, null])),
  });
  const deploymentId = await prodDeploymentId(endpoints);
  await call(endpoints, 'cloud', 'PATCH', `/api/v1/deployments/${deploymentId}/elasticsearch/main-elasticsearch/keystore`, {
    secrets: { [`cluster.remote.${alias}.credentials`]: null },
  });
}

/** A request to an emulated cluster as its superuser, or to the Cloud API with its key. */
async function call(
  endpoints: EmulatorEndpoints,
  target: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const cloud = target === 'cloud';
  const response = await fetch(`${cloud ? endpoints.cloudUrl : endpoints.clusters[target].url}${path}`, {
    method,
    headers: {
      authorization: cloud
        ? `ApiKey ${endpoints.cloudApiKey}`
        : `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.status < 300, `${method} ${path} on ${target}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

async function prodDeploymentId(endpoints: EmulatorEndpoints): Promise<string> {
  const list = (await call(endpoints, 'cloud', 'GET', '/api/v1/deployments')) as {
    deployments: Array<{ id: string; name: string }>;
  };
  const prod = list.deployments.find((deployment) => deployment.name === 'prod');
  assert.ok(prod, 'the Cloud organization has the deployment "prod"');
  return prod.id;
}

async function remoteInfo(
  endpoints: EmulatorEndpoints,
): Promise<Record<string, { connected: boolean; cluster_credentials?: string }>> {
  return (await call(endpoints, 'remote', 'GET', '/_remote/info')) as Record<
    string,
    { connected: boolean; cluster_credentials?: string }
  >;
}

export const tests: IntegrationTest[] = [
  {
    name: 'Change Cross-Cluster API Key changes its access through the real quick inputs and dialog: the key on the issuer grants the new indices',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        await connections(api, endpoints);
        const key = (await call(endpoints, 'local', 'POST', '/_security/cross_cluster/api_key', {
          name: ACCESS_KEY,
          access: { search: [{ names: ['logs-*'] }] },
        })) as { id: string };
        try {
          const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.changeCrossClusterApiKey');
          let summary: ui.DialogState | undefined;
          const result = await ui.driveCommand('change-key-access', running, async () => {
            await ui.waitForQuickInput({
              title: /^Change Cross-Cluster API Key/,
              placeholder: /^The cluster that issued the key/,
            });
            await ui.pickQuickInputItem(new RegExp(`^${ISSUER}$`));
            await ui.waitForQuickInput({ placeholder: /^The key to change/, item: new RegExp(`^${ACCESS_KEY}$`) });
            await ui.pickQuickInputItem(new RegExp(`^${ACCESS_KEY}$`));
            await ui.waitForQuickInput({ placeholder: new RegExp(`^What should change about "${ACCESS_KEY}"\\?`) });
            await ui.pickQuickInputItem(/^Change its access$/);
            const search = await ui.waitForQuickInput({ prompt: /^Indices the key lets other clusters SEARCH \(now: logs-\*\)/ });
            assert.equal(search.value, 'logs-*', 'the search patterns are pre-filled from the key');
            await ui.typeInQuickInput('logs-*, metrics-*');
            const replication = await ui.waitForQuickInput({
              prompt: /^Indices the key lets other clusters REPLICATE \(now: none\)/,
            });
            assert.equal(replication.value, '');
            await ui.typeInQuickInput('replica-*');
            summary = await ui.waitForDialog(new RegExp(`^Change the access of "${ACCESS_KEY}"\\?`));
            await ui.pressDialogButton(/^Change Access$/);
          });
          assert.equal(result.outcome, 'completed', result.report);
          assert.match(summary?.detail ?? '', /grants search logs-\*, metrics-\*; replication replica-\*\./);
          assert.match(summary?.detail ?? '', /Now it grants search logs-\*\./);
          const read = (await call(endpoints, 'local', 'GET', `/_security/api_key?id=${key.id}`)) as {
            api_keys: Array<{ id: string; invalidated: boolean; access?: { search?: unknown; replication?: unknown } }>;
          };
          const stored = read.api_keys.find((candidate) => candidate.id === key.id);
          assert.equal(stored?.invalidated, false, 'the key is updated in place, not replaced');
          assert.deepEqual(stored?.access, {
            search: [{ names: ['logs-*', 'metrics-*'] }],
            replication: [{ names: ['replica-*'] }],
          });
          await ui.waitForNotification(new RegExp(`^Change Cross-Cluster API Key: .*"${ACCESS_KEY}"`));
        } finally {
          await clearNotifications();
          await call(endpoints, 'local', 'DELETE', '/_security/api_key', { ids: [key.id] });
        }
      }),
  },
  {
    name: 'Change Cross-Cluster API Key rotates a key through the real quick inputs and dialog: new key in the deployment keystore, connected, old key invalidated',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        await connections(api, endpoints);
        // "remote" (deployment prod) connects to "local" with a cross-cluster key in its deployment keystore.
        const old = (await call(endpoints, 'local', 'POST', '/_security/cross_cluster/api_key', {
          name: 'itest-rotate-key',
          access: { search: [{ names: ['logs-*'] }] },
          metadata: { alias: ROTATED_ALIAS },
        })) as { id: string; encoded: string };
        const deploymentId = await prodDeploymentId(endpoints);
        await call(endpoints, 'cloud', 'PATCH', `/api/v1/deployments/${deploymentId}/elasticsearch/main-elasticsearch/keystore`, {
          secrets: { [`cluster.remote.${ROTATED_ALIAS}.credentials`]: { value: old.encoded } },
        });
        await call(endpoints, 'remote', 'PUT', '/_cluster/settings', {
          persistent: {
            [`cluster.remote.${ROTATED_ALIAS}.mode`]: 'proxy',
            [`cluster.remote.${ROTATED_ALIAS}.proxy_address`]: SERVER,
          },
        });
        api.flows.useTiming({ connectTimeoutMs: 15000, pollIntervalMs: 200 });
        try {
          const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.changeCrossClusterApiKey');
          let summary: ui.DialogState | undefined;
          const result = await ui.driveCommand('rotate-key', running, async () => {
            await ui.waitForQuickInput({
              title: /^Change Cross-Cluster API Key/,
              placeholder: /^The cluster that issued the key/,
            });
            await ui.pickQuickInputItem(new RegExp(`^${ISSUER}$`));
            await ui.waitForQuickInput({ placeholder: /^The key to change/, item: /^itest-rotate-key$/ });
            await ui.pickQuickInputItem(/^itest-rotate-key$/);
            await ui.waitForQuickInput({ placeholder: /^What should change about "itest-rotate-key"\?/ });
            await ui.pickQuickInputItem(/^Rotate it$/);
            await ui.waitForQuickInput({ placeholder: /^The local cluster/ });
            await ui.pickQuickInputItem(new RegExp(`^${HOSTED}$`));
            await ui.waitForQuickInput({ placeholder: new RegExp(`^Where does "${HOSTED}" run\\?`) });
            await ui.pickQuickInputItem(/^Elastic Cloud Hosted$/);
            await ui.waitForQuickInput({ placeholder: new RegExp(`^The deployment "${HOSTED}" belongs to`) });
            await ui.pickQuickInputItem(/^prod$/);
            await ui.waitForQuickInput({ placeholder: /^The remote cluster on .* that connects with "itest-rotate-key"/ });
            await ui.pickQuickInputItem(new RegExp(`^${ROTATED_ALIAS}$`));
            const oldKey = await ui.waitForQuickInput({ prompt: /^Optional: the encoded value of the old key/ });
            assert.equal(oldKey.password, true, 'the old key is typed into a password box');
            await ui.typeInQuickInput(old.encoded);
            summary = await ui.waitForDialog(/^Rotate "itest-rotate-key" used by "itest-rotate"/);
            await ui.pressDialogButton(/^Rotate$/);
          });
          assert.equal(result.outcome, 'completed', result.report);
          assert.match(summary?.detail ?? '', /4\. On "itest keys issuer": invalidate the old key/);
          const info = await remoteInfo(endpoints);
          assert.equal(info[ROTATED_ALIAS]?.connected, true);
          assert.equal(info[ROTATED_ALIAS]?.cluster_credentials, '::es_redacted::');
          const keys = (await call(endpoints, 'local', 'GET', '/_security/api_key?name=itest-rotate-key*')) as {
            api_keys: Array<{ id: string; name: string; invalidated: boolean }>;
          };
          assert.equal(keys.api_keys.find((key) => key.id === old.id)?.invalidated, true, 'the old key is invalidated');
          assert.ok(
            keys.api_keys.some((key) => /^itest-rotate-key-rotated-/.test(key.name) && !key.invalidated),
            'the new key is valid',
          );
        } finally {
          api.flows.useTiming(undefined);
          await clearNotifications();
          await removeAlias(endpoints, ROTATED_ALIAS, ['mode', 'proxy_address']);
        }
      }),
  },
  {
    name: 'Migrate to the API-Key Model through the real quick inputs and dialogs keeps the alias and connects with the key',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        await connections(api, endpoints);
        // A certificate-model remote on "remote": sniff mode to the transport port of "local".
        await call(endpoints, 'remote', 'PUT', '/_cluster/settings', {
          persistent: { [`cluster.remote.${MIGRATED_ALIAS}.seeds`]: [TRANSPORT] },
        });
        api.flows.useTiming({ connectTimeoutMs: 15000, pollIntervalMs: 200 });
        try {
          const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.migrateToApiKeyModel');
          let summary: ui.DialogState | undefined;
          const result = await ui.driveCommand('migrate-to-api-key', running, async () => {
            await ui.waitForQuickInput({ title: /^Migrate to the API-Key Model/, placeholder: /^The local cluster/ });
            await ui.pickQuickInputItem(new RegExp(`^${HOSTED}$`));
            await ui.waitForQuickInput({ placeholder: new RegExp(`^Where does "${HOSTED}" run\\?`) });
            await ui.pickQuickInputItem(/^Elastic Cloud Hosted$/);
            await ui.waitForQuickInput({ placeholder: new RegExp(`^The deployment "${HOSTED}" belongs to`) });
            await ui.pickQuickInputItem(/^prod$/);
            await ui.waitForQuickInput({
              placeholder: /to migrate \(certificate model now\)/,
              item: new RegExp(`^${MIGRATED_ALIAS}$`),
            });
            await ui.pickQuickInputItem(new RegExp(`^${MIGRATED_ALIAS}$`));
            await ui.waitForQuickInput({ placeholder: new RegExp(`^The remote cluster "${MIGRATED_ALIAS}" points to`) });
            await ui.pickQuickInputItem(new RegExp(`^${ISSUER}$`));
            const address = await ui.waitForQuickInput({ prompt: new RegExp(`^New seeds of "${MIGRATED_ALIAS}"`) });
            assert.equal(address.value, SERVER, 'the address is pre-filled with the remote cluster server port');
            await ui.typeInQuickInput(SERVER);
            await ui.waitForQuickInput({ prompt: /may SEARCH on the remote/ });
            await ui.typeInQuickInput('logs-*');
            await ui.waitForQuickInput({ prompt: /may REPLICATE/ });
            await ui.typeInQuickInput('');
            summary = await ui.waitForDialog(new RegExp(`^Migrate "${MIGRATED_ALIAS}" to the API-key model\\?`));
            await ui.pressDialogButton(/^Migrate$/);
            await ui.waitForDialog(new RegExp(`^Pause what uses "${MIGRATED_ALIAS}"`));
            await ui.pressDialogButton(/^Nothing to Pause$/);
            await ui.waitForDialog(/uses the API key now\. Remove the certificate-model trust\?/, 60000);
            await ui.pressDialogButton(/^Cancel$/);
          });
          assert.equal(result.outcome, 'completed', result.report);
          assert.match(summary?.detail ?? '', /The alias stays "itest-migrate"/);
          const info = await remoteInfo(endpoints);
          assert.equal(info[MIGRATED_ALIAS]?.connected, true);
          assert.equal(info[MIGRATED_ALIAS]?.cluster_credentials, '::es_redacted::', 'the API-key model is in use');
          const settings = (await call(endpoints, 'remote', 'GET', '/_cluster/settings?flat_settings=true')) as {
            persistent: Record<string, unknown>;
          };
          assert.deepEqual(settings.persistent[`cluster.remote.${MIGRATED_ALIAS}.seeds`], [SERVER]);
        } finally {
          api.flows.useTiming(undefined);
          await clearNotifications();
          await removeAlias(endpoints, MIGRATED_ALIAS, ['seeds']);
          for (const profile of saved.splice(0)) await api.connections.store.remove(profile.id);
        }
      }),
  },
];
