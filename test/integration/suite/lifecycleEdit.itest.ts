/**
 * Editing what exists, through the real UI: Edit Connection, Edit Remote Cluster and Remove Remote
 * Clusters (several at once), each typed into the real quick inputs and confirmed in the real
 * dialogs by the UI driver (uiDriver.ts), with the result checked on the emulator. The tests work on
 * the emulated cluster "local" and their own connection, which the last test removes.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditConnectionResult } from '../../../client/src/connections/editConnection';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import type { ExtensionApi } from '../../../client/src/extension';
import type { FlowResult } from '../../../client/src/flows/changes';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, type EmulatorEndpoints } from './support';
import * as ui from './uiDriver';

const CONNECTION = 'itest lifecycle';
const RENAMED = 'itest lifecycle (edited)';
const PROXY_ALIAS = 'lc-proxy';
const SNIFF_ALIAS = 'lc-sniff';

const state: { profile?: ConnectionProfile } = {};

async function readyApi(): Promise<{ api: ExtensionApi; endpoints: EmulatorEndpoints }> {
  const endpoints = emulatorEndpoints();
  assert.ok(endpoints, 'the harness started the emulator');
  assert.ok(ui.uiDriverAvailable(), 'the harness offers the UI driver (ERC_UI_DRIVER; code-server route only)');
  // Whatever ran before (toasts filling the slots, editors, a stray quick input) must not matter.
  await ui.cleanWorkbench();
  const api = (await activatedExtension()).exports as ExtensionApi;
  assert.equal(api.flows.scriptedUiInstalled(), false, 'no scripted UI is installed: the real quick inputs and dialogs answer');
  return { api, endpoints };
}

/** A request on the emulated "local" cluster as the emulator's superuser. */
async function onLocal(endpoints: EmulatorEndpoints, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${endpoints.clusters.local.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, `${method} ${path} on local: ${await response.clone().text()}`);
  return response.json();
}

async function aliasSettings(endpoints: EmulatorEndpoints, alias: string): Promise<Record<string, unknown>> {
  const settings = (await onLocal(endpoints, 'GET', '/_cluster/settings?flat_settings=true')) as {
    persistent: Record<string, unknown>;
  };
  return Object.fromEntries(Object.entries(settings.persistent).filter(([key]) => key.startsWith(`cluster.remote.${alias}.`)));
}

export const tests: IntegrationTest[] = [
  {
    name: 'Edit Connection: pre-filled steps, a wrong password explained in a real dialog, Edit Again, keep the stored password',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        state.profile = await api.connections.store.add(
          {
            name: CONNECTION,
            kind: 'elasticsearch',
            url: endpoints.clusters.local.url,
            auth: 'basic',
            username: endpoints.username,
          },
          { password: endpoints.password },
        );
        const running = vscode.commands.executeCommand<EditConnectionResult | undefined>(
          'elasticRemoteClusters.editConnection',
          state.profile.id,
        );
        const result = await ui.driveCommand('edit-connection', running, async () => {
          const kind = await ui.waitForQuickInput({
            title: /^Edit Elastic Connection/,
            placeholder: /^How is the cluster reached\?/,
          });
          assert.deepEqual(kind.items, ['Elasticsearch (URL)', 'Elasticsearch (Cloud ID)']);
          assert.equal(kind.activeItem, 'Elasticsearch (URL)');
          await ui.pickQuickInputItem(/^Elasticsearch \(URL\)$/);
          const url = await ui.waitForQuickInput({ prompt: /^URL of the Elasticsearch HTTP endpoint/ });
          assert.equal(url.value, endpoints.clusters.local.url, 'the URL is pre-filled');
          await ui.typeInQuickInput(endpoints.clusters.local.url);
          await ui.waitForQuickInput({ placeholder: /^How should requests authenticate\?/ });
          await ui.pickQuickInputItem(/^User name and password$/);
          const user = await ui.waitForQuickInput({ prompt: /^User name$/ });
          assert.equal(user.value, endpoints.username);
          await ui.typeInQuickInput(endpoints.username);
          const secret = await ui.waitForQuickInput({ placeholder: /is in VS Code's secret storage\. Keep it\?/ });
          assert.equal(secret.activeItem, 'Keep the current password');
          // First round: a new, wrong password.
          await ui.pickQuickInputItem(/^Enter a new password/);
          await ui.waitForQuickInput({ prompt: /^Password\./ });
          await ui.typeInQuickInput('not-the-password');
          const name = await ui.waitForQuickInput({ prompt: /^A name for this connection/ });
          assert.equal(name.value, CONNECTION, 'the name is pre-filled');
          await ui.typeInQuickInput(RENAMED);
          const refused = await ui.waitForDialog(/^The changed connection does not work: /, 30000);
          assert.match(refused.message, /the user name "[^"]+" or its password is wrong/);
          await ui.pressDialogButton(/^Edit Again$/);
          // Second round: every answer is back; keep the stored password this time.
          await ui.waitForQuickInput({ placeholder: /^How is the cluster reached\?/ });
          await ui.pickQuickInputItem(/^Elasticsearch \(URL\)$/);
          await ui.waitForQuickInput({ prompt: /^URL of the Elasticsearch HTTP endpoint/ });
          await ui.typeInQuickInput(endpoints.clusters.local.url);
          await ui.waitForQuickInput({ placeholder: /^How should requests authenticate\?/ });
          await ui.pickQuickInputItem(/^User name and password$/);
          await ui.waitForQuickInput({ prompt: /^User name$/ });
          await ui.typeInQuickInput(endpoints.username);
          await ui.waitForQuickInput({ placeholder: /Keep it\?/ });
          await ui.pickQuickInputItem(/^Keep the current password$/);
          const again = await ui.waitForQuickInput({ prompt: /^A name for this connection/ });
          assert.equal(again.value, RENAMED, 'the earlier answer is kept');
          await ui.typeInQuickInput(RENAMED);
        });
        assert.equal(result?.outcome, 'saved');
        const saved = api.connections.store.get(state.profile.id);
        assert.equal(saved?.name, RENAMED);
        assert.equal(
          (await api.connections.store.secretsFor(state.profile.id)).password,
          endpoints.password,
          'the stored password was kept',
        );
        await ui.waitForNotification(new RegExp(`^Connection "${RENAMED.replace(/[()]/g, '\\$&')}" saved\\. Connected to`));
      }),
  },
  {
    name: 'Edit Remote Cluster: pre-filled from the cluster, before/after diff in the real dialog, the new values on the cluster',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { endpoints } = await readyApi();
        assert.ok(state.profile, 'the first test saved the connection');
        await onLocal(endpoints, 'PUT', '/_cluster/settings', {
          persistent: {
            [`cluster.remote.${PROXY_ALIAS}.mode`]: 'proxy',
            [`cluster.remote.${PROXY_ALIAS}.proxy_address`]: 'lc-proxy.example.com:9443',
            [`cluster.remote.${SNIFF_ALIAS}.seeds`]: ['lc-sniff.example.com:9300'],
          },
        });
        const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.editRemoteCluster');
        let detail = '';
        const result = await ui.driveCommand('edit-remote-cluster', running, async () => {
          await ui.waitForQuickInput({ title: /^Edit Remote Cluster/, placeholder: /^The cluster whose remote cluster/ });
          await ui.pickQuickInputItem(new RegExp(`^${RENAMED.replace(/[()]/g, '\\$&')}$`));
          await ui.waitForQuickInput({ placeholder: /^The remote cluster to change$/, item: new RegExp(`^${PROXY_ALIAS}$`) });
          await ui.pickQuickInputItem(new RegExp(`^${PROXY_ALIAS}$`));
          const mode = await ui.waitForQuickInput({ placeholder: new RegExp(`^How "${PROXY_ALIAS}" connects`) });
          assert.equal(mode.activeItem, 'Proxy mode (current)');
          await ui.pickQuickInputItem(/^Proxy mode/);
          const address = await ui.waitForQuickInput({ prompt: /^proxy_address of / });
          assert.equal(address.value, 'lc-proxy.example.com:9443', 'the address is pre-filled');
          await ui.typeInQuickInput('lc-proxy-2.example.com:9443');
          await ui.waitForQuickInput({ prompt: /^server_name/ });
          await ui.typeInQuickInput('lc-proxy-2.example.com');
          await ui.waitForQuickInput({ prompt: /^proxy_socket_connections: / });
          await ui.typeInQuickInput('4');
          const skip = await ui.waitForQuickInput({ placeholder: /^skip_unavailable: .*this cluster: 8\.15/ });
          assert.equal(skip.activeItem, 'Leave unset');
          await ui.pickQuickInputItem(/^false/);
          const dialog = await ui.waitForDialog(new RegExp(`^Change the remote cluster "${PROXY_ALIAS}"`));
          detail = dialog.detail;
          await ui.pressDialogButton(/^Apply$/);
        });
        assert.equal(result.outcome, 'completed', result.report);
        assert.match(detail, /proxy_address: lc-proxy\.example\.com:9443 → lc-proxy-2\.example\.com:9443 \(persistent\)/);
        assert.match(detail, /skip_unavailable: \(not set\) → false/);
        assert.deepEqual(await aliasSettings(endpoints, PROXY_ALIAS), {
          [`cluster.remote.${PROXY_ALIAS}.mode`]: 'proxy',
          [`cluster.remote.${PROXY_ALIAS}.proxy_address`]: 'lc-proxy-2.example.com:9443',
          [`cluster.remote.${PROXY_ALIAS}.server_name`]: 'lc-proxy-2.example.com',
          [`cluster.remote.${PROXY_ALIAS}.proxy_socket_connections`]: '4',
          [`cluster.remote.${PROXY_ALIAS}.skip_unavailable`]: 'false',
        });
      }),
  },
  {
    name: 'Remove Remote Clusters: two aliases checked in the real multi-select pick, one dialog, both gone',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        try {
          assert.ok(state.profile, 'the first test saved the connection');
          const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.removeRemoteCluster');
          let question = '';
          const result = await ui.driveCommand('remove-remote-clusters', running, async () => {
            await ui.waitForQuickInput({ title: /^Remove Remote Clusters/, placeholder: /^The cluster to remove/ });
            await ui.pickQuickInputItem(new RegExp(`^${RENAMED.replace(/[()]/g, '\\$&')}$`));
            await ui.waitForQuickInput({ placeholder: /^The remote clusters to remove/, item: new RegExp(`^${SNIFF_ALIAS}$`) });
            await ui.checkQuickInputItems([new RegExp(`^${PROXY_ALIAS}$`), new RegExp(`^${SNIFF_ALIAS}$`)]);
            const dialog = await ui.waitForDialog(/^Remove 2 remote clusters/);
            question = dialog.message;
            await ui.pressDialogButton(/^Remove$/);
          });
          assert.equal(result.outcome, 'completed', result.report);
          assert.match(question, new RegExp(`\\("${PROXY_ALIAS}", "${SNIFF_ALIAS}"\\)`));
          assert.deepEqual(await aliasSettings(endpoints, PROXY_ALIAS), {});
          assert.deepEqual(await aliasSettings(endpoints, SNIFF_ALIAS), {});
          assert.match(result.report, /To put "lc-proxy", "lc-sniff" back exactly as they were/);
        } finally {
          if (state.profile) await api.connections.store.remove(state.profile.id);
        }
      }),
  },
];
