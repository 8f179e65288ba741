/**
 * "Elastic: Edit Connection": the connection's steps pre-filled from the saved profile, then a test
 * of the changed connection before anything is saved. When the test fails the user sees why (a 401
 * in terms of the connection's authentication method) and can edit again, save anyway or cancel.
 * The stored secret is never shown; keeping it means it is not touched. Pure: VS Code comes in
 * through the interfaces.
 */
import { describeConnectionError } from '../errorText';
import type { FlowUi } from '../flows/ui';
import type { ConnectionClients } from './clients';
import type { ConnectionProfile, ConnectionSecrets } from './profile';
import { describeTestResult, testConnection } from './testConnection';
import { runEditConnectionWizard, type EditedConnection, type WizardDependencies } from './wizard';

export interface EditableConnections {
  list(): ConnectionProfile[];
  hasSecret(id: string): Promise<boolean>;
  secretsFor(id: string): Promise<ConnectionSecrets>;
  update(id: string, profile: Omit<ConnectionProfile, 'id'>, secrets: ConnectionSecrets | undefined): Promise<ConnectionProfile>;
}

export interface EditConnectionDependencies {
  ui: Pick<FlowUi, 'pick' | 'input' | 'confirm' | 'notify' | 'progress'>;
  store: EditableConnections;
  checkCaFile: WizardDependencies['checkCaFile'];
  /** API clients for a profile that is not saved yet, with the secrets to use; the caller closes them. */
  open(profile: ConnectionProfile, secrets: ConnectionSecrets): Promise<ConnectionClients>;
  log(message: string): void;
}

export const SAVE_ANYWAY = 'Save Anyway';
export const EDIT_AGAIN = 'Edit Again';

export type EditConnectionResult =
  { outcome: 'saved'; profile: ConnectionProfile; tested: boolean; message: string } | { outcome: 'cancelled' };

export async function editConnection(
  dependencies: EditConnectionDependencies,
  profile: ConnectionProfile,
): Promise<EditConnectionResult> {
  const { ui, store } = dependencies;
  const hasSecret = await store.hasSecret(profile.id);
  let previous: EditedConnection | undefined;
  for (;;) {
    const edited = await runEditConnectionWizard(
      ui,
      { existingNames: store.list().map((entry) => entry.name), checkCaFile: dependencies.checkCaFile },
      { profile, hasSecret },
      previous,
    );
    if (!edited) return { outcome: 'cancelled' };
    const candidate: ConnectionProfile = { id: profile.id, ...edited.profile };
    const secrets = edited.secrets ?? (await store.secretsFor(profile.id));
    let clients: ConnectionClients | undefined;
    let problem: string | undefined;
    let tested = '';
    try {
      const result = await ui.progress(`Testing the changed connection "${candidate.name}"…`, async () => {
        clients = await dependencies.open(candidate, secrets);
        return testConnection(clients);
      });
      tested = describeTestResult(candidate.name, result);
    } catch (error) {
      problem = describeConnectionError(error, candidate);
    } finally {
      await clients?.close();
    }
    if (problem) {
      dependencies.log(`Test of the edited connection "${candidate.name}" failed: ${problem}`);
      const choice = await ui.notify('error', `The changed connection does not work: ${problem}`, [EDIT_AGAIN, SAVE_ANYWAY], {
        modal: true,
        detail: `Nothing is saved yet. "${EDIT_AGAIN}" goes back to the steps with your answers; "${SAVE_ANYWAY}" saves the changes as they are (for a cluster that is down right now).`,
      });
      if (choice === EDIT_AGAIN) {
        previous = edited;
        continue;
      }
      if (choice !== SAVE_ANYWAY) return { outcome: 'cancelled' };
    }
    const saved = await store.update(profile.id, edited.profile, edited.secrets);
    const kept = edited.secrets === undefined && hasSecret ? ' The stored secret was kept.' : '';
    const message = problem
      ? `Connection "${saved.name}" saved without a working test.${kept}`
      : `Connection "${saved.name}" saved. ${tested}${kept}`;
    dependencies.log(message);
    void ui.notify(problem ? 'warning' : 'info', message);
    return { outcome: 'saved', profile: saved, tested: !problem, message };
  }
}
