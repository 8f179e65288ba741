/**
 * The guided flows through the real UI, as a person uses them: no scripted UI is installed (the
 * tests assert the `flows.useUi` seam is off); the commands run without argument objects and
 * the UI driver (uiDriver.ts) types into the quick inputs, picks items with the arrow keys and
 * clicks the buttons of the modal dialogs and notifications in the workbench page. The emulator's
 * clusters are "local" 8.15 (reached through the connection the first test creates) and "remote"
 * 8.17, which is the Cloud deployment "prod".
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { FlowResult } from '../../../client/src/flows/changes';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, filesHolding, type EmulatorEndpoints } from './support';
import * as ui from './uiDriver';

const CONNECTION = 'itest real input';
const HOSTED = 'itest real hosted';
const ALIAS = 'itest-real';
const REMOTE_SERVER = 'local.emulated.local:9443';
const KEY_NAME = 'itest-real-key';
const ORGANIZATION = 'itest-org-7';

/** Connections the tests share; the last test removes them. */
const saved: { typed?: ConnectionProfile; hosted?: ConnectionProfile; cloud?: ConnectionProfile } = {};

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

/** GET on an emulated cluster as the emulator's superuser. */
async function clusterGet(endpoints: EmulatorEndpoints, cluster: string, path: string): Promise<unknown> {
  const response = await fetch(`${endpoints.clusters[cluster].url}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}` },
  });
  assert.equal(response.status, 200, `GET ${path} on ${cluster}`);
  return response.json();
}

async function remoteInfo(
  endpoints: EmulatorEndpoints,
): Promise<Record<string, { connected: boolean; cluster_credentials?: string }>> {
  return (await clusterGet(endpoints, 'remote', '/_remote/info')) as Record<
    string,
    { connected: boolean; cluster_credentials?: string }
  >;
}

/** The Cloud deployment "prod" with its settings, as JSON text. */
async function prodDeployment(endpoints: EmulatorEndpoints): Promise<string> {
  const get = async (path: string) => {
    const response = await fetch(`${endpoints.cloudUrl}${path}`, {
      headers: { authorization: `ApiKey ${endpoints.cloudApiKey}` },
    });
    assert.equal(response.status, 200, `GET ${path} on the Cloud API`);
    return (await response.json()) as { deployments?: Array<{ id: string; name: string }> };
  };
  const prod = (await get('/api/v1/deployments')).deployments?.find((deployment) => deployment.name === 'prod');
  assert.ok(prod, 'the Cloud API lists "prod"');
  return JSON.stringify(await get(`/api/v1/deployments/${prod.id}?show_settings=true`));
}

/** What a flow could change on the emulator: settings and remote clusters of "remote", API keys of both clusters. */
async function emulatorSnapshot(endpoints: EmulatorEndpoints): Promise<string> {
  return JSON.stringify({
    settings: await clusterGet(endpoints, 'remote', '/_cluster/settings?flat_settings=true'),
    remoteInfo: await remoteInfo(endpoints),
    localKeys: await clusterGet(endpoints, 'local', '/_security/api_key'),
    remoteKeys: await clusterGet(endpoints, 'remote', '/_security/api_key'),
  });
}

/**
 * Add Remote Cluster from its first step: API-key model, the hosted connection on the Cloud
 * deployment "prod" as the local side, the typed connection as the remote side, up to the alias.
 */
async function answerAddRemoteClusterUpToAlias(): Promise<void> {
  const model = await ui.waitForQuickInput({
    title: /^Add Remote Cluster/,
    placeholder: /^How should the two clusters authenticate/,
  });
  assert.match(model.itemTexts[0]?.detail ?? '', /cross-cluster API key in the local keystore/);
  await ui.pickQuickInputItem(/^API key/);
  await ui.waitForQuickInput({ placeholder: /^The local cluster/ });
  await ui.pickQuickInputItem(new RegExp(`^${HOSTED}$`));
  await ui.waitForQuickInput({ placeholder: new RegExp(`^Where does "${HOSTED}" run\\?`) });
  await ui.pickQuickInputItem(/^Elastic Cloud Hosted$/);
  await ui.waitForQuickInput({ placeholder: new RegExp(`^The deployment "${HOSTED}" belongs to`) });
  await ui.pickQuickInputItem(/^prod$/);
  await ui.waitForQuickInput({ placeholder: /^The remote cluster: / });
  await ui.pickQuickInputItem(new RegExp(`^${CONNECTION}$`));
  const where = await ui.waitForQuickInput({ placeholder: /^Where is the remote cluster server\?/ });
  assert.deepEqual(where.itemTexts.at(-1), {
    label: 'Enter the address…',
    description: 'host:port of it or of a load balancer',
    detail: '',
  });
  await ui.pickQuickInputItem(/^Enter the address/);
  await ui.waitForQuickInput({ prompt: /^Address of the remote cluster server/ });
  await ui.typeInQuickInput(REMOTE_SERVER);
  await ui.waitForQuickInput({ prompt: /^TLS server name/ });
  await ui.typeInQuickInput('');
  // A Cloud deployment connects in proxy mode only: no mode question, the socket count and skip_unavailable.
  await ui.waitForQuickInput({ prompt: /^proxy_socket_connections: / });
  await ui.typeInQuickInput('');
  await ui.waitForQuickInput({ placeholder: /^skip_unavailable: .*default became true in 8\.15/ });
  await ui.pickQuickInputItem(/^Leave unset/);
  await ui.waitForQuickInput({ prompt: /^Alias for the remote cluster on "itest real hosted"/ });
}

/** Shows a quick input built here and resolves with what the person did to it. */
function showOwnQuickInput<Q extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, R>(
  input: Q,
  result: (input: Q, done: (value: R) => void) => void,
): Promise<R | 'back' | 'hidden'> {
  return new Promise((resolve) => {
    input.title = 'UI driver check';
    input.step = 2;
    input.totalSteps = 3;
    input.buttons = [vscode.QuickInputButtons.Back];
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && resolve('back'));
    input.onDidHide(() => resolve('hidden'));
    result(input, resolve);
    input.show();
  }).finally(() => input.dispose()) as Promise<R | 'back' | 'hidden'>;
}

export const tests: IntegrationTest[] = [
  {
    name: 'the UI driver checks items of a multi-select pick, is refused by a validation message, presses Back and finds a hidden notification',
    skip: ui.skipWithoutDriver,
    fn: async () => {
      await readyApi();
      const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
      pick.canSelectMany = true;
      pick.placeholder = 'Which ones?';
      pick.items = [{ label: 'alpha' }, { label: 'beta' }, { label: 'gamma' }];
      pick.selectedItems = [pick.items[0]];
      const picked = showOwnQuickInput<typeof pick, string[]>(pick, (input, done) =>
        input.onDidAccept(() => done(input.selectedItems.map((item) => item.label))),
      );
      const shown = await ui.waitForQuickInput({ title: /^UI driver check \(2\/3\)$/, placeholder: /^Which ones\?$/ });
      assert.deepEqual([shown.step, shown.items, shown.checkedItems], ['2/3', ['alpha', 'beta', 'gamma'], ['alpha']]);
      assert.deepEqual(shown.buttons, ['Back']);
      const accepted = await ui.checkQuickInputItems([/^beta$/, /^gamma$/]);
      assert.deepEqual(accepted.checkedItems, ['beta', 'gamma']);
      assert.deepEqual(await picked, ['beta', 'gamma']);

      const box = vscode.window.createInputBox();
      box.prompt = 'A port number';
      const typed = showOwnQuickInput<typeof box, string>(box, (input, done) => {
        input.onDidChangeValue((value) => (input.validationMessage = /^\d*$/.test(value) ? undefined : 'Digits only.'));
        input.onDidAccept(() => !input.validationMessage && done(input.value));
      });
      await ui.waitForQuickInput({ prompt: /^A port number$/ });
      await assert.rejects(
        ui.typeInQuickInput('80a'),
        /Enter on "80a" in "UI driver check \(2\/3\)" was rejected: "Digits only\."/,
      );
      await ui.typeInQuickInput('8080');
      assert.equal(await typed, '8080');

      const again = vscode.window.createInputBox();
      const backed = showOwnQuickInput<typeof again, string>(again, (input, done) => input.onDidAccept(() => done(input.value)));
      await ui.pressQuickInputButton(/^Back$/);
      assert.equal(await backed, 'back');
      const escaped = vscode.window.createInputBox();
      const hidden = showOwnQuickInput<typeof escaped, string>(escaped, (input, done) =>
        input.onDidAccept(() => done(input.value)),
      );
      await ui.waitForQuickInput({ title: /^UI driver check/ });
      assert.equal((await ui.escape()).quickInput, undefined);
      assert.equal(await hidden, 'hidden');

      // A notification whose toast is gone is found in the notification center, as a person would look there.
      const answered = vscode.window.showInformationMessage('UI driver check: a notice', 'Fine', 'Not now');
      await ui.waitForNotification(/^UI driver check: a notice$/);
      await vscode.commands.executeCommand('notifications.hideToasts');
      const notice = await ui.pressNotificationButton(/^Fine$/, /^UI driver check: a notice$/);
      assert.deepEqual(notice.buttons, ['Fine', 'Not now']);
      assert.equal(await answered, 'Fine');
      assert.equal((await ui.readScreen()).notificationCenterOpen, false, 'the notification center is closed again');
    },
  },
  {
    name: 'Add Connection typed into the real wizard saves a working connection, and the password stays out of the user-data folder',
    skip: ui.skipWithoutDriver,
    fn: async () => {
      const { api, endpoints } = await readyApi();
      const userData = process.env.ERC_USER_DATA_DIR;
      assert.ok(userData, 'the harness names the user-data folder (ERC_USER_DATA_DIR)');
      const running = vscode.commands.executeCommand<ConnectionProfile | undefined>('elasticRemoteClusters.addConnection');
      const profile = await ui.driveCommand('add-connection', running, async () => {
        await ui.waitForQuickInput({ title: /^Add Elastic Connection \(1\)$/, placeholder: /^What do you want to connect to\?/ });
        await ui.pickQuickInputItem(/^Elasticsearch \(URL\)$/);
        await ui.waitForQuickInput({ prompt: /^URL of the Elasticsearch HTTP endpoint/ });
        await ui.typeInQuickInput(endpoints.clusters.local.url);
        await ui.waitForQuickInput({ placeholder: /^How should requests authenticate\?/ });
        await ui.pickQuickInputItem(/^User name and password$/);
        await ui.waitForQuickInput({ prompt: /^User name$/ });
        await ui.typeInQuickInput(endpoints.username);
        const password = await ui.waitForQuickInput({ prompt: /^Password\. Stored in VS Code's secret storage\./ });
        assert.equal(password.password, true, 'the password box hides what is typed');
        const typed = await ui.typeInQuickInput(endpoints.password);
        assert.equal(typed.value, '•'.repeat(endpoints.password.length));
        const name = await ui.waitForQuickInput({ prompt: /^A name for this connection/ });
        assert.equal(name.value, '127.0.0.1', "the suggested name is the URL's host");
        assert.equal(name.step, '6');
        await ui.typeInQuickInput(CONNECTION);
      });
      assert.ok(profile, 'the wizard saved a connection');
      saved.typed = profile;
      assert.deepEqual(
        { name: profile.name, url: profile.url, auth: profile.auth, username: profile.username },
        { name: CONNECTION, url: endpoints.clusters.local.url, auth: 'basic', username: endpoints.username },
      );
      assert.equal((await api.connections.store.secretsFor(profile.id)).password, endpoints.password);

      // The saved-notification's button runs Test Connection, whose result is shown as a notification.
      await ui.pressNotificationButton(/^Test Connection$/, new RegExp(`^Connection "${CONNECTION}" saved\\.`));
      await ui.waitForNotification(new RegExp(`^Connected to "${CONNECTION}": Elasticsearch 8\\.15`), 30000);

      assert.deepEqual(filesHolding(userData, endpoints.password), [], 'no file in the user-data folder holds the password');
    },
  },
  {
    name: 'Add Remote Cluster through the real quick inputs, confirmed in the real dialog, connects the clusters',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        assert.ok(saved.typed, 'the first test saved the connection to "local"');
        saved.hosted = await api.connections.store.add(
          {
            name: HOSTED,
            kind: 'elasticsearch',
            url: endpoints.clusters.remote.url,
            auth: 'basic',
            username: endpoints.username,
          },
          { password: endpoints.password },
        );
        saved.cloud = await api.connections.store.add(
          { name: 'itest real cloud', kind: 'cloud', url: endpoints.cloudUrl, auth: 'apiKey' },
          { apiKey: endpoints.cloudApiKey },
        );
        api.flows.useTiming({ connectTimeoutMs: 15000, pollIntervalMs: 200 });
        try {
          const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.addRemoteCluster');
          let summary: ui.DialogState | undefined;
          const result = await ui.driveCommand('add-remote-cluster', running, async () => {
            await answerAddRemoteClusterUpToAlias();
            await ui.typeInQuickInput(ALIAS);
            await ui.waitForQuickInput({ prompt: /^Indices the local cluster may SEARCH/ });
            await ui.typeInQuickInput('logs-*');
            await ui.waitForQuickInput({ prompt: /^Indices the local cluster may REPLICATE/ });
            await ui.typeInQuickInput('');
            // A Cloud deployment connecting to a self-managed cluster: who issued the proxy's certificate.
            await ui.waitForQuickInput({ placeholder: /^Who issued the certificate of the remote's proxy/ });
            await ui.pickQuickInputItem(/^A public CA$/);
            summary = await ui.waitForDialog(/^Make these changes\?$/);
            assert.ok(summary.buttons.includes('Apply'), `the summary dialog offers Apply: ${summary.buttons.join(', ')}`);
            await ui.pressDialogButton(/^Apply$/);
            // Connected: the flow offers a role for the local users; not this time.
            await ui.waitForDialog(new RegExp(`^"${ALIAS}" is connected\\. Create a role`), 60000);
            await ui.pressDialogButton(/^Cancel$/);
          });
          assert.equal(result.outcome, 'completed', result.report);
          assert.match(
            summary?.detail ?? '',
            /In the keystore of deployment "prod": set cluster\.remote\.itest-real\.credentials/,
          );
          const info = await remoteInfo(endpoints);
          assert.equal(info[ALIAS]?.connected, true);
          assert.equal(info[ALIAS]?.cluster_credentials, '::es_redacted::', 'the API-key model is in use');
          await ui.waitForNotification(
            new RegExp(`^Add Remote Cluster \\(API key\\): "${HOSTED}" is connected to the remote cluster "${ALIAS}"`),
          );
        } finally {
          api.flows.useTiming(undefined);
        }
      }),
  },
  {
    name: 'Test Connection run from the Command Palette asks which connection and reports it',
    skip: ui.skipWithoutDriver,
    fn: async () => {
      await readyApi();
      assert.ok(saved.typed && saved.hosted, 'the earlier tests saved the connections');
      // The first test's result notification says the same: only a new one counts.
      await vscode.commands.executeCommand('notifications.clearAll');
      await ui.runFromCommandPalette('Elastic: Test Connection');
      const pick = await ui.waitForQuickInput({ placeholder: /^Select the connection to test$/ });
      assert.ok(pick.items.includes(HOSTED), `every saved connection is offered: ${pick.items.join(', ')}`);
      await ui.pickQuickInputItem(new RegExp(`^${CONNECTION}$`));
      await ui.waitForNotification(new RegExp(`^Connected to "${CONNECTION}": Elasticsearch 8\\.15`), 30000);
    },
  },
  {
    name: 'Escape in the real UI cancels Add Remote Cluster, at a quick input and at the summary dialog, and nothing changes',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { endpoints } = await readyApi();
        assert.ok(saved.hosted && saved.typed, 'the earlier tests saved the connections');
        const before = await emulatorSnapshot(endpoints);

        // Escape mid-flow, at the alias step (after Back once: the previous step shows its earlier answer).
        const atAlias = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.addRemoteCluster');
        const cancelledAtAlias = await ui.driveCommand('cancel-at-alias', atAlias, async () => {
          await answerAddRemoteClusterUpToAlias();
          await ui.pressQuickInputButton(/^Back$/);
          const skip = await ui.waitForQuickInput({ placeholder: /^skip_unavailable: / });
          assert.ok(
            skip.items.some((item) => /^Leave unset/.test(item)),
            `the skip_unavailable pick is back: ${skip.items.join(', ')}`,
          );
          await ui.pickQuickInputItem(/^Leave unset/);
          await ui.waitForQuickInput({ prompt: /^Alias for the remote cluster/ });
          const after = await ui.escape();
          assert.equal(after.quickInput, undefined, 'Escape closed the quick input');
        });
        assert.equal(cancelledAtAlias.outcome, 'cancelled');

        // Escape on the summary: every answer was given, and still nothing is written.
        const atSummary = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.addRemoteCluster');
        const cancelledAtSummary = await ui.driveCommand('cancel-at-summary', atSummary, async () => {
          await answerAddRemoteClusterUpToAlias();
          await ui.typeInQuickInput(`${ALIAS}-cancelled`);
          await ui.waitForQuickInput({ prompt: /^Indices the local cluster may SEARCH/ });
          await ui.typeInQuickInput('logs-*');
          await ui.waitForQuickInput({ prompt: /^Indices the local cluster may REPLICATE/ });
          await ui.typeInQuickInput('');
          await ui.waitForQuickInput({ placeholder: /^Who issued the certificate of the remote's proxy/ });
          await ui.pickQuickInputItem(/^A public CA$/);
          await ui.waitForDialog(/^Make these changes\?$/);
          const after = await ui.escape();
          assert.equal(after.dialog, undefined, 'Escape closed the dialog');
        });
        assert.equal(cancelledAtSummary.outcome, 'cancelled');
        assert.equal(await emulatorSnapshot(endpoints), before, 'the emulator has the same settings, remote clusters and keys');
      }),
  },
  {
    name: 'Create Cross-Cluster API Key through the real UI hands the key over in a read-only editor',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { endpoints } = await readyApi();
        assert.ok(saved.typed, 'the first test saved the connection to "local"');
        const running = vscode.commands.executeCommand<FlowResult & { keyId?: string }>(
          'elasticRemoteClusters.createCrossClusterApiKey',
        );
        const result = await ui.driveCommand('create-cross-cluster-key', running, async () => {
          await ui.waitForQuickInput({
            title: /^Create Cross-Cluster API Key/,
            placeholder: /^The remote cluster: the key grants/,
          });
          await ui.pickQuickInputItem(new RegExp(`^${CONNECTION}$`));
          const name = await ui.waitForQuickInput({ prompt: /^Name of the key/ });
          assert.equal(name.value, 'cross-cluster-access', 'the suggested name');
          await ui.typeInQuickInput(KEY_NAME);
          await ui.waitForQuickInput({ prompt: /^Indices the key lets the local cluster SEARCH/ });
          await ui.typeInQuickInput('logs-*');
          await ui.waitForQuickInput({ prompt: /^Indices the key lets the local cluster REPLICATE/ });
          await ui.typeInQuickInput('');
          await ui.waitForQuickInput({ prompt: /^Expiration/ });
          await ui.typeInQuickInput('');
          const summary = await ui.waitForDialog(/^Create this key\?$/);
          assert.match(summary.detail, new RegExp(`create the cross-cluster API key "${KEY_NAME}"`));
          await ui.pressDialogButton(/^Create$/);
          const handOver = await ui.waitForDialog(new RegExp(`^The key "${KEY_NAME}" was created`));
          assert.deepEqual([...handOver.buttons].sort(), ['Cancel', 'Copy Encoded Key', 'Open in Editor']);
          await ui.pressDialogButton(/^Open in Editor$/);
          // The dialog comes back until it is closed: the key cannot be read again later.
          await ui.waitForDialog(new RegExp(`^The key "${KEY_NAME}" was created`));
          await ui.pressDialogButton(/^Cancel$/);
        });
        assert.equal(result.outcome, 'completed', result.report);
        const keys = (await clusterGet(endpoints, 'local', `/_security/api_key?name=${KEY_NAME}`)) as {
          api_keys: Array<{ id: string; type?: string }>;
        };
        assert.deepEqual(
          keys.api_keys.map((key) => [key.id, key.type]),
          [[result.keyId, 'cross_cluster']],
        );
        const shown = vscode.workspace.textDocuments.find((document) =>
          document.uri.path.endsWith(`Encoded key ${KEY_NAME}.txt`),
        );
        assert.ok(shown, 'the key is open in an editor');
        assert.equal(Buffer.from(shown.getText(), 'base64').toString().split(':')[0], result.keyId, 'it holds the encoded key');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }),
  },
  {
    name: 'Add Trusted Environment and Edit Trust through the real UI add an organization to the trust of "prod" and remove it',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { endpoints } = await readyApi();
        assert.ok(saved.cloud, 'the Add Remote Cluster test saved the Cloud connection');
        const adding = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.addTrustedEnvironment');
        const added = await ui.driveCommand('add-trusted-environment', adding, async () => {
          await ui.waitForQuickInput({
            title: /^Add Trusted Environment/,
            placeholder: /^The deployment whose trust settings change$/,
          });
          await ui.pickQuickInputItem(/^prod$/);
          await ui.waitForQuickInput({ placeholder: /^What should the deployment trust\?$/ });
          await ui.pickQuickInputItem(/^An Elastic Cloud organization$/);
          await ui.waitForQuickInput({ prompt: /^ID of the Elastic Cloud organization to trust$/ });
          await ui.typeInQuickInput(ORGANIZATION);
          await ui.waitForQuickInput({ placeholder: /^Which clusters of that environment\?$/ });
          await ui.pickQuickInputItem(/^All of its deployments and clusters$/);
          const confirm = await ui.waitForDialog(/^Change the trust of deployment "prod"\?$/);
          assert.match(confirm.detail, new RegExp(`Add: Organization ${ORGANIZATION} — all deployments`));
          await ui.pressDialogButton(/^Add$/);
        });
        assert.equal(added.outcome, 'completed', added.report);
        assert.ok((await prodDeployment(endpoints)).includes(`"account_id":"${ORGANIZATION}"`), 'the trust of "prod" lists it');

        const editing = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.editTrust');
        const edited = await ui.driveCommand('edit-trust', editing, async () => {
          await ui.waitForQuickInput({ title: /^Edit Trust/, placeholder: /^The deployment whose trust settings change$/ });
          await ui.pickQuickInputItem(/^prod$/);
          await ui.waitForQuickInput({ placeholder: /^The trust entry to change$/ });
          await ui.pickQuickInputItem(new RegExp(`^Organization ${ORGANIZATION} — all deployments$`));
          await ui.pickQuickInputItem(/^Remove this trust$/);
          await ui.waitForDialog(/^Remove this trust from deployment "prod"\?$/);
          await ui.pressDialogButton(/^Remove$/);
        });
        assert.equal(edited.outcome, 'completed', edited.report);
        assert.ok(!(await prodDeployment(endpoints)).includes(ORGANIZATION), 'the trust of "prod" no longer lists it');
      }),
  },
  {
    name: 'Remove Remote Cluster and Remove Connection, picked in the real quick inputs and confirmed in the real dialogs, remove them',
    skip: ui.skipWithoutDriver,
    fn: () =>
      ui.withRealDialogs(async () => {
        const { api, endpoints } = await readyApi();
        try {
          assert.ok((await remoteInfo(endpoints))[ALIAS], 'the alias added earlier is there');
          const running = vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.removeRemoteCluster');
          const result = await ui.driveCommand('remove-remote-cluster', running, async () => {
            await ui.waitForQuickInput({
              title: /^Remove Remote Clusters/,
              placeholder: /^The cluster to remove the remote cluster from/,
            });
            await ui.pickQuickInputItem(new RegExp(`^${HOSTED}$`));
            await ui.waitForQuickInput({ placeholder: /^The remote clusters to remove/, item: new RegExp(`^${ALIAS}$`) });
            await ui.checkQuickInputItems([new RegExp(`^${ALIAS}$`)]);
            const confirm = await ui.waitForDialog(new RegExp(`^Remove the remote cluster "${ALIAS}" from "${HOSTED}"\\?`));
            assert.match(confirm.detail, /sets these settings to null/);
            await ui.pressDialogButton(/^Remove$/);
          });
          assert.equal(result.outcome, 'completed', result.report);
          assert.equal((await remoteInfo(endpoints))[ALIAS], undefined, 'the alias is gone');
          assert.match(result.report, /used a cross-cluster API key/);

          // The connection the wizard saved goes the way it came: picked and confirmed in the real UI.
          const typed = saved.typed;
          assert.ok(typed, 'the first test saved the connection');
          const removing = vscode.commands.executeCommand<boolean>('elasticRemoteClusters.removeConnection');
          const removed = await ui.driveCommand('remove-connection', removing, async () => {
            const pick = await ui.waitForQuickInput({ placeholder: /^Select the connection to remove$/ });
            assert.ok(pick.items.includes(CONNECTION), `the pick lists the connection: ${pick.items.join(', ')}`);
            await ui.pickQuickInputItem(new RegExp(`^${CONNECTION}$`));
            const confirm = await ui.waitForDialog(new RegExp(`^Remove the connection "${CONNECTION}"\\?$`));
            assert.match(confirm.detail, /Nothing changes on the cluster/);
            await ui.pressDialogButton(/^Remove$/);
          });
          assert.equal(removed, true);
          assert.equal(api.connections.store.get(typed.id), undefined, 'the connection is gone');
        } finally {
          for (const profile of [saved.typed, saved.hosted, saved.cloud])
            if (profile && api.connections.store.get(profile.id)) await api.connections.store.remove(profile.id);
        }
      }),
  },
];
