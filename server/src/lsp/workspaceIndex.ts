/**
 * Index of the ECK objects (Elasticsearch resources, Secrets, operator versions) defined in the
 * workspace's YAML files, so an open manifest can be checked against the others (a remote cluster
 * referenced from another file, a Secret kept next to the kustomization, …). Holds names and facts
 * only, never Secret values. Open documents win over their copy on disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import {
  type ConfigDocument,
  type EckWorkspaceSummary,
  errorText,
  mergeSummaries,
  summarizeManifest,
  summarizeYamlDocuments,
  summarizeYamlText,
} from '#core';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'vendor', 'target', 'build']);
/**
 * Bounds of the start-up scan: it runs in the background, one file at a time between the editor's
 * requests, and stops at whichever limit comes first (files over the size limit are skipped: a
 * manifest that large is generated output, not something a remote cluster refers to).
 */
export const INDEX_LIMITS = { maxFiles: 2000, maxFileBytes: 1024 * 1024, maxScanMs: 30_000, startDelayMs: 500 };
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

/** A file's summary, with its serialized form to tell whether a new version changed it. */
interface IndexedSummary {
  summary: EckWorkspaceSummary;
  serialized: string;
}

export class EckWorkspaceIndex {
  private readonly byUri = new Map<string, IndexedSummary>();
  /** summaryExcluding's answers until the index changes: the same object each time lets the analysis reuse what it derived from it. */
  private readonly merged = new Map<string, EckWorkspaceSummary>();
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

  /**
   * Call from `onInitialized`: scans the folders in the background, after the first documents had
   * a moment to be checked, and follows YAML file changes.
   */
  start(connection: Connection): void {
    if (this.canWatchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
        .catch((error: unknown) => connection.console.warn(`Could not watch YAML files: ${errorText(error)}`));
      connection.onDidChangeWatchedFiles(({ changes }) => {
        for (const change of changes) {
          if (change.type === FileChangeType.Deleted) this.deleted(change.uri);
          else void this.changedOnDisk(change.uri);
        }
      });
    }
    setTimeout(() => {
      this.scan(this.folders)
        .then((outcome) => {
          if (outcome.stopped)
            connection.console.info(`Workspace index: ${outcome.stopped}; ${outcome.indexed} YAML file(s) read.`);
        })
        .catch((error: unknown) => {
          connection.console.warn(`Could not index the workspace: ${errorText(error)}`);
        });
    }, INDEX_LIMITS.startDelayMs);
  }

  /**
   * Reads the YAML files of the workspace folders once, in the background, within INDEX_LIMITS.
   * Never rejects; says which limit stopped it, if one did.
   */
  async scan(folderUris: readonly string[], limits = INDEX_LIMITS): Promise<{ indexed: number; stopped?: string }> {
    const started = Date.now();
    const files: string[] = [];
    for (const folder of folderUris) {
      if (!folder.startsWith('file:')) continue;
      await collectYamlFiles(fileURLToPath(folder), files, limits.maxFiles + 1);
    }
    let indexed = 0;
    for (const path of files.slice(0, limits.maxFiles)) {
      if (Date.now() - started > limits.maxScanMs) return { indexed, stopped: `stopped after ${limits.maxScanMs / 1000} s` };
      // Requests that came in meanwhile go first.
      await new Promise((resolve) => setImmediate(resolve));
      await this.refreshFromDisk(pathToFileURL(path).href, limits.maxFileBytes);
      indexed++;
    }
    return {
      indexed,
      stopped: files.length > limits.maxFiles ? `more than ${limits.maxFiles} YAML files, the rest not read` : undefined,
    };
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
    if (!this.byUri.delete(key)) return;
    this.merged.clear();
    this.onChange(key);
  }

  /** Everything known about the other files, for the analysis of `uri`. */
  summaryExcluding(uri: string): EckWorkspaceSummary {
    const key = normalizeUri(uri);
    let summary = this.merged.get(key);
    if (!summary) {
      summary = mergeSummaries([...this.byUri].filter(([other]) => other !== key).map(([, indexed]) => indexed.summary));
      this.merged.set(key, summary);
    }
    return summary;
  }

  private async refreshFromDisk(uri: string, maxFileBytes = INDEX_LIMITS.maxFileBytes): Promise<void> {
    let text: string | undefined;
    try {
      const path = fileURLToPath(uri);
      if ((await stat(path)).size <= maxFileBytes) text = await readFile(path, 'utf8');
    } catch {
      text = undefined; // deleted or unreadable: forget it
    }
    if (this.open.has(uri)) return; // opened while reading: the editor's text wins
    if (text === undefined) this.deleted(uri);
    else this.set(uri, summarizeYamlText(uri, text));
  }

  private set(uri: string, summary: EckWorkspaceSummary): void {
    const empty =
      summary.elasticsearches.length === 0 &&
      summary.secrets.length === 0 &&
      !summary.configMaps?.length &&
      summary.operatorVersions.length === 0;
    const before = this.byUri.get(uri);
    if (empty) {
      if (before) this.deleted(uri);
      return;
    }
    // Serialized once per version (an open manifest is summarized on every keystroke).
    const serialized = JSON.stringify(summary);
    if (before?.serialized === serialized) return;
    // Stored as a copy read back from the serialized form: names taken from an open document's parse
    // can be slices of its whole text, which would keep that version's text alive for as long as the entry.
    this.byUri.set(uri, { summary: JSON.parse(serialized) as EckWorkspaceSummary, serialized });
    this.merged.clear();
    this.onChange(uri);
  }
}

async function collectYamlFiles(dir: string, into: string[], maxFiles: number): Promise<void> {
  if (into.length >= maxFiles) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (into.length >= maxFiles) return;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.'))
        await collectYamlFiles(join(dir, entry.name), into, maxFiles);
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      into.push(join(dir, entry.name));
    }
  }
}
