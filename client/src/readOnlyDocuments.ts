/**
 * Read-only documents under the extension's own URI scheme: reports, item JSON, Console responses
 * and anything holding a secret (an encoded cross-cluster key, an ECK Secret). Unlike untitled
 * editors they are never dirty, so VS Code's hot exit never backs them up to disk, closing them
 * never asks "Save changes?", and their text lives only in this process's memory until the
 * document is closed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const READ_ONLY_SCHEME = 'elastic-remote-clusters';

/** What a restored editor shows once the text is gone (after a reload, or after it was closed). */
const GONE = 'This document is no longer available: it was shown once and is not kept. Run the command again to see it.\n';

export interface ShowOptions {
  /** Reuses one document per key (for example one Console response per request file); a new one otherwise. */
  key?: string;
  beside?: boolean;
  preserveFocus?: boolean;
  /** A preview tab is replaced by the next preview; reports and keys stay open. */
  preview?: boolean;
}

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  private counter = 0;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, this),
      // Drop the text as soon as VS Code lets the document go: secrets should not linger in memory.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === READ_ONLY_SCHEME) this.texts.delete(document.uri.toString());
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? GONE;
  }

  /**
   * Shows `text` in a read-only editor titled `title`; the title's extension (`.md`, `.yaml`,
   * `.jsonc`, `.txt`) picks the language. The title and key must never contain a secret: they are
   * part of the URI, which VS Code keeps in its editor history.
   */
  async show(title: string, text: string, options: ShowOptions = {}): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({
      scheme: READ_ONLY_SCHEME,
      path: `/${path.basename(title)}`,
      query: options.key ?? `n=${++this.counter}`,
    });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, {
      viewColumn: options.beside ? vscode.ViewColumn.Beside : undefined,
      preserveFocus: options.preserveFocus ?? false,
      preview: options.preview ?? false,
    });
    return document;
  }

  dispose(): void {
    this.texts.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
