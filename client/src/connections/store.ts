/**
 * Where connections persist: the non-secret profile in the user's `elasticRemoteClusters.connections`
 * setting (application scope, so a workspace cannot point a saved credential at another host), and
 * the API key or password in VS Code's SecretStorage under the profile id.
 */
import * as vscode from 'vscode';
import { newProfileId, parseProfiles, type ConnectionProfile, type ConnectionSecrets } from './profile';

const SECTION = 'elasticRemoteClusters';
const SETTING = 'connections';
const SECRET_PREFIX = 'elasticRemoteClusters.connection/';

export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when connections are added, removed or edited in settings. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.${SETTING}`)) this.changed.fire();
    });
  }

  /** Saved connections; entries that cannot be used are left out (see problems()). */
  list(): ConnectionProfile[] {
    return parseProfiles(this.raw()).profiles;
  }

  /** What is wrong in the setting, for a warning. */
  problems(): string[] {
    return parseProfiles(this.raw()).problems;
  }

  get(id: string): ConnectionProfile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  /** Saves a new connection; returns it with its id. Secrets first, so a saved profile always has them. */
  async add(profile: Omit<ConnectionProfile, 'id'>, secrets: ConnectionSecrets): Promise<ConnectionProfile> {
    const raw = this.rawList();
    const ids = raw.map((entry) => (entry && typeof entry === 'object' ? String((entry as { id?: unknown }).id ?? '') : ''));
    const saved: ConnectionProfile = { id: newProfileId(profile.name, ids), ...profile };
    await this.secrets.store(SECRET_PREFIX + saved.id, JSON.stringify(secrets));
    await vscode.workspace
      .getConfiguration(SECTION)
      .update(SETTING, [...raw, stripUndefined(saved)], vscode.ConfigurationTarget.Global);
    return saved;
  }

  /**
   * Replaces a saved connection in place (same id, same position in the list). `secrets` undefined
   * keeps the stored ones. When the setting cannot be written, the previous secret is put back, so
   * the saved profile and its secret always belong together.
   */
  async update(
    id: string,
    profile: Omit<ConnectionProfile, 'id'>,
    secrets: ConnectionSecrets | undefined,
  ): Promise<ConnectionProfile> {
    const raw = this.rawList();
    const index = raw.findIndex((entry) => entry && typeof entry === 'object' && (entry as { id?: unknown }).id === id);
    if (index < 0) throw new Error(`There is no saved connection with the id "${id}".`);
    const saved: ConnectionProfile = { id, ...profile };
    const previousSecret = await this.secrets.get(SECRET_PREFIX + id);
    if (secrets) await this.secrets.store(SECRET_PREFIX + id, JSON.stringify(secrets));
    const list = [...raw];
    list[index] = stripUndefined(saved);
    try {
      await vscode.workspace.getConfiguration(SECTION).update(SETTING, list, vscode.ConfigurationTarget.Global);
    } catch (error) {
      if (secrets) {
        if (previousSecret === undefined) await this.secrets.delete(SECRET_PREFIX + id);
        else await this.secrets.store(SECRET_PREFIX + id, previousSecret);
      }
      throw error;
    }
    return saved;
  }

  /** Whether a secret is stored for the connection (without reading it into a caller). */
  async hasSecret(id: string): Promise<boolean> {
    const secrets = await this.secretsFor(id);
    return Boolean(secrets.apiKey || secrets.password);
  }

  async remove(id: string): Promise<void> {
    const raw = this.rawList().filter((entry) => !(entry && typeof entry === 'object' && (entry as { id?: unknown }).id === id));
    await vscode.workspace.getConfiguration(SECTION).update(SETTING, raw, vscode.ConfigurationTarget.Global);
    await this.secrets.delete(SECRET_PREFIX + id);
  }

  async secretsFor(id: string): Promise<ConnectionSecrets> {
    const stored = await this.secrets.get(SECRET_PREFIX + id);
    if (!stored) return {};
    try {
      const parsed = JSON.parse(stored) as Record<string, unknown>;
      return {
        ...(typeof parsed.apiKey === 'string' ? { apiKey: parsed.apiKey } : {}),
        ...(typeof parsed.password === 'string' ? { password: parsed.password } : {}),
      };
    } catch {
      return {};
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private raw(): unknown {
    // Only the user (global) value counts; the setting is application-scoped.
    return vscode.workspace.getConfiguration(SECTION).inspect<unknown>(SETTING)?.globalValue;
  }

  private rawList(): unknown[] {
    const raw = this.raw();
    return Array.isArray(raw) ? raw : [];
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
