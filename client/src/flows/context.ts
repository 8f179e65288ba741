/**
 * Everything a flow works with besides the UI: saved connections and their API clients, the log,
 * timing (tests pass fast fakes), open YAML manifests for ECK edits, and a hook that refreshes the
 * remote-clusters view. Pure: no VS Code imports, so the flows run under node:test.
 */
import type { CloudClient, EceClient } from '../api/cloud';
import type { ElasticsearchClient } from '../api/elasticsearch';
import { ApiError } from '../api/errors';
import type { ConnectionClients } from '../connections/clients';
import type { ConnectionKind, ConnectionProfile } from '../connections/profile';
import type { TextEdit } from '#core';
import type { FlowUi } from './ui';

export interface FlowConnections {
  list(): ConnectionProfile[];
  /** API clients for a saved connection; throws ApiError('configuration') when it cannot be used. */
  open(profile: ConnectionProfile): Promise<ConnectionClients>;
}

export interface OpenYamlDocument {
  uri: string;
  /** File name for pick lists. */
  label: string;
  text: string;
}

/** The YAML documents open in the editor, and a way to change them (ECK manifests). */
export interface ManifestWorkspace {
  openYamlDocuments(): OpenYamlDocument[];
  /**
   * Applies offset-based edits to an open document; false when the editor refused them. With
   * `preview`, the editor shows the change as a diff first and applies it only when accepted.
   */
  applyEdits(uri: string, edits: TextEdit[], options?: { preview?: boolean }): Promise<boolean>;
}

export interface FlowLog {
  info(message: string): void;
  error(message: string): void;
}

export interface FlowTiming {
  /** How long to wait for a new remote connection to come up. */
  connectTimeoutMs: number;
  /** Pause between two `GET _remote/info` polls. */
  pollIntervalMs: number;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface FlowContext {
  ui: FlowUi;
  connections: FlowConnections;
  log: FlowLog;
  timing: FlowTiming;
  manifests: ManifestWorkspace;
  /** Asks the remote-clusters view to reload after a change; never fails. */
  refreshViews(): Promise<void>;
}

export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 60;

/** One set of API clients per connection for the length of a flow; close() releases them all. */
export class ClientPool {
  private readonly opened = new Map<string, Promise<ConnectionClients>>();

  constructor(private readonly connections: FlowConnections) {}

  async elasticsearch(profile: ConnectionProfile): Promise<ElasticsearchClient> {
    const clients = await this.clients(profile);
    if (clients.kind !== 'elasticsearch')
      throw new ApiError('configuration', `Connection "${profile.name}" is not an Elasticsearch connection.`);
    return clients.elasticsearch;
  }

  /** The deployment API of an Elastic Cloud or ECE connection. */
  async cloud(profile: ConnectionProfile): Promise<CloudClient> {
    const clients = await this.clients(profile);
    if (clients.kind === 'cloud') return clients.cloud;
    if (clients.kind === 'ece') return clients.ece;
    throw new ApiError('configuration', `Connection "${profile.name}" is not an Elastic Cloud or ECE connection.`);
  }

  async ece(profile: ConnectionProfile): Promise<EceClient | undefined> {
    const clients = await this.clients(profile);
    return clients.kind === 'ece' ? clients.ece : undefined;
  }

  async close(): Promise<void> {
    const all = [...this.opened.values()];
    this.opened.clear();
    await Promise.all(all.map(async (pending) => (await pending.catch(() => undefined))?.close()));
  }

  private clients(profile: ConnectionProfile): Promise<ConnectionClients> {
    let pending = this.opened.get(profile.id);
    if (!pending) {
      pending = this.connections.open(profile);
      // A failed open (no stored secret) is retried next time, after the user fixed it.
      pending.catch(() => this.opened.delete(profile.id));
      this.opened.set(profile.id, pending);
    }
    return pending;
  }
}

/** Finds a connection by id; undefined (and a message) when it is gone. */
export async function connectionById(
  context: FlowContext,
  id: string | undefined,
  kinds: ConnectionKind[],
): Promise<ConnectionProfile | undefined> {
  if (id === undefined) return undefined;
  const profile = context.connections.list().find((candidate) => candidate.id === id);
  if (!profile) {
    await context.ui.notify('error', `There is no saved connection with the id "${id}".`);
    return undefined;
  }
  if (!kinds.includes(profile.kind)) {
    await context.ui.notify(
      'error',
      `Connection "${profile.name}" cannot be used here: this needs ${kinds.map(kindPhrase).join(' or ')} connection.`,
    );
    return undefined;
  }
  return profile;
}

function kindPhrase(kind: ConnectionKind): string {
  return kind === 'elasticsearch' ? 'an Elasticsearch' : kind === 'cloud' ? 'an Elastic Cloud' : 'an ECE';
}
