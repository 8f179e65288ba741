/**
 * Index of the ECK objects (Elasticsearch resources, Secrets, operator versions) defined in the
 * workspace's YAML files, so an open manifest can be checked against the others (a remote cluster
 * referenced from another file, a Secret kept next to the kustomization, …). Holds names and facts
 * only, never Secret values. Open documents win over their copy on disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { mergeSummaries, summarizeManifest, summarizeYamlDocuments, summarizeYamlText, type EckWorkspaceSummary } from '../core/eck/workspace';
import type { ConfigDocument } from '../core/model/document';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'vendor', 'target', 'build']);
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const YAML_FILE = /\.ya?ml$/i;

/** One spelling per file, so a document open in the editor replaces its copy read from disk. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export class EckWorkspaceIndex {
  private readonly byUri = new Map<string, EckWorkspaceSummary>();
  private readonly open = new Set<string>();
  private folders: string[] = [];
  private canWatchFiles = false;

  /** `onChange` runs when what the index knows about some file changed (not on every keystroke). */
  constructor(private readonly onChange: (uri: string) => void) {}

  /** Call from `onInitialize`: remembers the workspace folders and what the client can do. */
  initialize(params: InitializeParams): void {
    this.folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /** Call from `onInitialized`: scans the folders in the background and follows YAML file changes. */
  start(connection: Connection): void {
    if (this.canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
      connection.onDidChangeWatchedFiles(({ changes }) => {
        for (const change of changes) {
          if (change.type === FileChangeType.Deleted) this.deleted(change.uri);
          else void this.changedOnDisk(change.uri);
        }
      });
    }
    this.scan(this.folders).catch((error: unknown) => {
      connection.console.warn(`Could not index the workspace: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Reads the YAML files of the workspace folders once, in the background. Never rejects. */
  async scan(folderUris: readonly string[]): Promise<void> {
    const files: string[] = [];
    for (const folder of folderUris) {
      if (!folder.startsWith('file:')) continue;
      await collectYamlFiles(fileURLToPath(folder), files);
    }
    for (const path of files) await this.refreshFromDisk(pathToFileURL(path).href);
  }

  /** An open document was parsed: index its current text, from that parse (never parsing it again). */
  updateFromDocument(document: ConfigDocument): void {
    const uri = normalizeUri(document.uri);
    this.open.add(uri);
    if (document.format !== 'yaml') return;
    if (document.eck) this.set(uri, summarizeManifest(uri, document.eck));
    else if (document.yamlDocuments) this.set(uri, summarizeYamlDocuments(uri, document.text, document.yamlDocuments));
    else this.set(uri, summarizeYamlText(uri, document.text));
  }

  /** The editor closed a document: fall back to what is on disk. */
  async closed(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    this.open.delete(key);
    await this.refreshFromDisk(key);
  }

  /** A file changed on disk (file watcher); ignored while the editor has it open. */
  async changedOnDisk(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    if (!this.open.has(key)) await this.refreshFromDisk(key);
  }

  deleted(uri: string): void {
    const key = normalizeUri(uri);
    if (this.byUri.delete(key)) this.onChange(key);
  }

  /** Everything known about the other files, for the analysis of `uri`. */
  summaryExcluding(uri: string): EckWorkspaceSummary {
    const key = normalizeUri(uri);
    return mergeSummaries([...this.byUri].filter(([other]) => other !== key).map(([, summary]) => summary));
  }

  private async refreshFromDisk(uri: string): Promise<void> {
    let text: string | undefined;
    try {
      const path = fileURLToPath(uri);
      if ((await stat(path)).size <= MAX_FILE_BYTES) text = await readFile(path, 'utf8');
    } catch {
      text = undefined; // deleted or unreadable: forget it
    }
    if (this.open.has(uri)) return; // opened while reading: the editor's text wins
    if (text === undefined) this.deleted(uri);
    else this.set(uri, summarizeYamlText(uri, text));
  }

  private set(uri: string, summary: EckWorkspaceSummary): void {
    const empty = summary.elasticsearches.length === 0 && summary.secrets.length === 0 && summary.operatorVersions.length === 0;
    const before = this.byUri.get(uri);
    if (empty) {
      if (before) this.deleted(uri);
      return;
    }
    if (before && JSON.stringify(before) === JSON.stringify(summary)) return;
    this.byUri.set(uri, summary);
    this.onChange(uri);
  }
}

async function collectYamlFiles(dir: string, into: string[]): Promise<void> {
  if (into.length >= MAX_FILES) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (into.length >= MAX_FILES) return;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) await collectYamlFiles(join(dir, entry.name), into);
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      into.push(join(dir, entry.name));
    }
  }
}
