/**
 * The connection commands: Elastic: Add Connection, Test Connection, Remove Connection. Also the
 * entry point the flows, the view, the Console and the diagnosis use to get API clients for a saved connection (`openClients`), so the
 * proxy, log and secret handling are the same everywhere.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ApiError } from '../api/errors';
import { loadCaFile } from '../api/http';
import type { ProxySettings } from '../api/proxy';
import type { ExtensionLog } from '../log';
import { quickInputWizardUi } from '../ui/quickInput';
import { createClients, type ConnectionClients } from './clients';
import { describeConnectionError } from '../errorText';
import { editConnection, type EditConnectionResult } from './editConnection';
import { vscodeStepUi } from '../flows/vscodeUi';
import { describeProfile, type ConnectionProfile, type ConnectionSecrets } from './profile';
import { ConnectionStore } from './store';
import { TransportGuard } from './transport';
import { describeTestResult, testConnection, type ConnectionTestResult } from './testConnection';
import { runAddConnectionWizard } from './wizard';

export interface Connections {
  store: ConnectionStore;
  /** API clients for a saved connection; the caller closes them. Throws ApiError('configuration'). */
  openClients(profile: ConnectionProfile): Promise<ConnectionClients>;
}

/** VS Code's proxy settings, which the extension honours like VS Code does for its own requests. */
export function proxySettingsFromVsCode(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const authorization = http.get<string | null>('proxyAuthorization');
  return {
    url: http.get<string>('proxy') || undefined,
    noProxy: http.get<string[]>('noProxy') ?? [],
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
    authorization: authorization || undefined,
    support: http.get<ProxySettings['support']>('proxySupport'),
    env: process.env,
  };
}

export function registerConnectionCommands(context: vscode.ExtensionContext, log: ExtensionLog): Connections {
  const store = new ConnectionStore(context.secrets);
  const guard = new TransportGuard({
    ask: async (message, detail, buttons) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons),
    warn: (message) => void vscode.window.showWarningMessage(message),
    now: () => Date.now(),
  });

  const openClients = async (profile: ConnectionProfile): Promise<ConnectionClients> => {
    await guard.check(profile);
    const secrets = await store.secretsFor(profile.id);
    log.redactor.add(secrets.apiKey);
    if (profile.username && secrets.password) log.redactor.addBasic(profile.username, secrets.password);
    return createClients(profile, secrets, { proxy: proxySettingsFromVsCode(), logger: log, redactor: log.redactor });
  };

  context.subscriptions.push(
    store,
    vscode.commands.registerCommand(COMMANDS.addConnection, () => addConnection(store, log)),
    vscode.commands.registerCommand(COMMANDS.testConnection, (target?: unknown) =>
      testSavedConnection(store, log, openClients, target),
    ),
    vscode.commands.registerCommand(COMMANDS.removeConnection, (target?: unknown) => removeConnection(store, target)),
    vscode.commands.registerCommand(COMMANDS.editConnection, (target?: unknown) =>
      editSavedConnection(store, log, guard, target),
    ),
  );
  return { store, openClients };
}

async function addConnection(store: ConnectionStore, log: ExtensionLog): Promise<ConnectionProfile | undefined> {
  const created = await runAddConnectionWizard(quickInputWizardUi, {
    existingNames: store.list().map((profile) => profile.name),
    checkCaFile,
  });
  if (!created) return undefined;
  const saved = await store.add(created.profile, created.secrets);
  log.info(`Added connection "${saved.name}" (${describeProfile(saved)}).`);
  const test = 'Test Connection';
  void vscode.window.showInformationMessage(`Connection "${saved.name}" saved.`, test).then((choice) => {
    if (choice === test) void vscode.commands.executeCommand(COMMANDS.testConnection, saved.id);
  });
  return saved;
}

/** Tests a connection (by id, `{ id }`, or picked) and reports; returns the result for scripts and tests. */
async function testSavedConnection(
  store: ConnectionStore,
  log: ExtensionLog,
  openClients: (profile: ConnectionProfile) => Promise<ConnectionClients>,
  target: unknown,
): Promise<ConnectionTestResult | undefined> {
  const profile = await resolveTarget(store, target, 'Select the connection to test');
  if (!profile) return undefined;
  let clients: ConnectionClients | undefined;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Testing "${profile.name}"…` },
      async () => {
        clients = await openClients(profile);
        return testConnection(clients);
      },
    );
    const message = describeTestResult(profile.name, result);
    log.info(message);
    void vscode.window.showInformationMessage(message);
    return result;
  } catch (error) {
    const message =
      error instanceof ApiError ? describeConnectionError(error, profile) : `Testing "${profile.name}" failed unexpectedly.`;
    log.error(`Test of "${profile.name}" failed: ${message}`);
    const showLog = 'Show Log';
    void vscode.window.showErrorMessage(message, showLog).then((choice) => choice === showLog && log.show());
    return undefined;
  } finally {
    await clients?.close();
  }
}

/** Edits a connection (by id, `{ id }`, or picked) in place; returns the outcome for scripts and tests. */
async function editSavedConnection(
  store: ConnectionStore,
  log: ExtensionLog,
  guard: TransportGuard,
  target: unknown,
): Promise<EditConnectionResult | undefined> {
  const profile = await resolveTarget(store, target, 'Select the connection to edit');
  if (!profile) return undefined;
  try {
    return await editConnection(
      {
        ui: vscodeStepUi,
        store,
        checkCaFile,
        open: async (candidate: ConnectionProfile, secrets: ConnectionSecrets) => {
          await guard.check(candidate);
          log.redactor.add(secrets.apiKey);
          if (candidate.username && secrets.password) log.redactor.addBasic(candidate.username, secrets.password);
          return createClients(candidate, secrets, { proxy: proxySettingsFromVsCode(), logger: log, redactor: log.redactor });
        },
        log: (message) => log.info(message),
      },
      profile,
    );
  } catch (error) {
    const message = `Editing "${profile.name}" failed: ${describeConnectionError(error, profile)}`;
    log.error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

async function removeConnection(store: ConnectionStore, target: unknown): Promise<boolean> {
  const profile = await resolveTarget(store, target, 'Select the connection to remove');
  if (!profile) return false;
  const remove = 'Remove';
  const answer = await vscode.window.showWarningMessage(
    `Remove the connection "${profile.name}"?`,
    {
      modal: true,
      detail: 'Its settings and its stored API key or password are deleted from VS Code. Nothing changes on the cluster.',
    },
    remove,
  );
  if (answer !== remove) return false;
  await store.remove(profile.id);
  void vscode.window.showInformationMessage(`Connection "${profile.name}" removed.`);
  return true;
}

/** A command's target: a connection id, an object with an `id` (tree items), or a pick. */
async function resolveTarget(
  store: ConnectionStore,
  target: unknown,
  placeholder: string,
): Promise<ConnectionProfile | undefined> {
  const id =
    typeof target === 'string'
      ? target
      : target && typeof target === 'object' && typeof (target as { id?: unknown }).id === 'string'
        ? (target as { id: string }).id
        : undefined;
  if (id) {
    const found = store.get(id);
    if (!found) void vscode.window.showErrorMessage(`There is no saved connection with the id "${id}".`);
    return found;
  }
  const profiles = store.list();
  const problems = store.problems();
  if (problems.length) void vscode.window.showWarningMessage(`Some saved connections have problems: ${problems.join(' ')}`);
  if (profiles.length === 0) {
    const add = 'Add Connection';
    const choice = await vscode.window.showInformationMessage('No Elastic connections are saved yet.', add);
    if (choice === add) void vscode.commands.executeCommand(COMMANDS.addConnection);
    return undefined;
  }
  if (profiles.length === 1) return profiles[0];
  const picked = await vscode.window.showQuickPick(
    profiles.map((profile) => ({ label: profile.name, description: describeProfile(profile), profile })),
    { placeHolder: placeholder },
  );
  return picked?.profile;
}

async function checkCaFile(path: string): Promise<string | undefined> {
  const loaded = await loadCaFile(path);
  return loaded.ok ? undefined : `This CA file cannot be used: ${loaded.problem}`;
}
