/**
 * The LSP adapter: owns documents and their cached parse, and maps the analysis core's plain
 * results to protocol types. No analysis logic lives here. It is a function of its connection, so
 * the bundle's main (server.ts) serves stdio and tests can serve in-process streams.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type AnalysisResult,
  analyze,
  canBuildOn,
  canParseOn,
  documentLabel,
  completeAt,
  type ConfigDocument,
  errorText,
  type Finding,
  hoverAt,
  mayConcernRemoteClusters,
  parseConfigDocument,
  type Severity,
  spansIntersect,
} from '#core';
import { RulePages } from '../rulePages';
import { DocumentStatusRequest, type DocumentStatus } from './protocol';
import { CHANGE_DEBOUNCE_MS, changeDebounce } from './debounce';
import { EckWorkspaceIndex, normalizeUri } from './workspaceIndex';

export const SERVER_NAME = 'elastic-remote-clusters';
declare const __EXTENSION_VERSION__: string | undefined;
const SERVER_VERSION = typeof __EXTENSION_VERSION__ === 'string' ? __EXTENSION_VERSION__ : '0.0.0-dev';
const SOURCE = 'elastic-remote-clusters';

/** Options for `createConnection`: a request cancelled while still queued is answered at once, without running its handler. */
export const CONNECTION_OPTIONS = {
  cancelUndispatched: (message: unknown) => ({
    jsonrpc: '2.0' as const,
    id: (message as { id?: number | string | null }).id ?? null,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'Request cancelled' },
  }),
};

interface Settings {
  stackVersion?: string;
  /** Aliases with cross-cluster API key credentials in the keystore; undefined when unknown. */
  keystoreCredentialAliases?: string[];
  /** Most diagnostics published for one file; the rest are summed up in one last diagnostic. */
  maxDiagnostics?: number;
}

const DEFAULT_MAX_DIAGNOSTICS = 1000;

const MOST_SEVERE_FIRST: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * The `max` most severe of `findings`, in document order within a severity and in the order given
 * overall. Counts how many of each severity fit, then takes them in one pass: no sorted copy, as
 * this runs on every version of a file with thousands of findings.
 */
export function mostSevere<T extends { severity: Severity }>(findings: readonly T[], max: number): T[] {
  const room: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) room[finding.severity]++;
  let left = Math.max(0, max);
  for (const severity of MOST_SEVERE_FIRST) {
    room[severity] = Math.min(room[severity], left);
    left -= room[severity];
  }
  const kept: T[] = [];
  for (const finding of findings) {
    if (room[finding.severity] === 0) continue;
    room[finding.severity]--;
    kept.push(finding);
  }
  return kept;
}

/** Reads the `elasticRemoteClusters` section (or initialization options) defensively: users edit it by hand. */
function readSettings(raw: unknown): Settings {
  const section = (raw ?? {}) as Record<string, unknown>;
  const stackVersion =
    typeof section.stackVersion === 'string' && section.stackVersion.trim() ? section.stackVersion.trim() : undefined;
  const aliases = section.keystoreCredentialAliases;
  const keystoreCredentialAliases = Array.isArray(aliases)
    ? aliases.filter((a): a is string => typeof a === 'string')
    : undefined;
  const max = section.maxDiagnostics;
  const maxDiagnostics = typeof max === 'number' && Number.isFinite(max) && max >= 1 ? Math.floor(max) : undefined;
  return { stackVersion, keystoreCredentialAliases, maxDiagnostics };
}

/**
 * Larger documents are not checked in the editor: parsing 5 MiB of YAML takes seconds, during which
 * the server can answer nothing. (The command-line checker reads files up to 16 MiB.)
 */
const MAX_ANALYSED_CHARS = 5 * 1024 * 1024;

/** One parse and one analysis per document version, shared by every request. */
interface Analysed {
  version: number;
  document: ConfigDocument;
  analysis?: AnalysisResult;
  /** The analysis this entry's next one can build on: the previous version's, or this version's before settings changed. */
  previousAnalysis?: AnalysisResult;
  /** Why the file could not be parsed (an internal error), reported instead of its findings. */
  failure?: string;
  /** How long parsing and analysing this document last took, in ms: larger files wait longer after a keystroke. */
  cost: number;
}

export interface ServerOptions {
  /** Folder of the rule pages diagnostics link to; by default docs/rules beside the bundle. */
  rulePagesDir?: string;
}

/** Serves the language server on a connection: registers every handler, then starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const rulePages = new RulePages(options.rulePagesDir);
  const documents = new TextDocuments(TextDocument);

  let settings: Settings = {};
  /** Adopts new settings; re-analyses open documents when they change what the rules see. */
  function applySettings(next: Settings): void {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    for (const entry of cache.values()) forgetAnalysis(entry);
    documents.all().forEach((document) => scheduleValidation(document));
  }
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;

  const cache = new Map<string, Analysed>();

  /**
   * ECK objects defined in the workspace's YAML files; when they change, open ECK manifests are
   * checked again. Those re-checks wait longer than typing does: opening, editing or closing several
   * manifests in a row then costs one re-check of the others, not one per event.
   */
  const CROSS_FILE_DEBOUNCE_MS = 250;
  const workspaceIndex = new EckWorkspaceIndex((changedUri) => {
    for (const textDocument of documents.all()) {
      const entry = cache.get(textDocument.uri);
      if (entry?.document.kind !== 'eck-manifest' || normalizeUri(textDocument.uri) === changedUri) continue;
      forgetAnalysis(entry);
      scheduleValidation(textDocument, CROSS_FILE_DEBOUNCE_MS, true);
    }
  });

  /** The analysis if the next one can build on it; others are let go with their document. */
  function reusableAnalysis(analysis: AnalysisResult | undefined): AnalysisResult | undefined {
    return analysis && canBuildOn(analysis) ? analysis : undefined;
  }

  /** Drops an entry's analysis (what it depends on changed); the next one may still reuse what is unaffected. */
  function forgetAnalysis(entry: Analysed): void {
    entry.previousAnalysis = reusableAnalysis(entry.analysis) ?? entry.previousAnalysis;
    entry.analysis = undefined;
  }

  function parsed(textDocument: TextDocument): Analysed {
    const cached = cache.get(textDocument.uri);
    if (cached && cached.version === textDocument.version) return cached;
    // Let the previous version's trees go before building the new ones: large files then do not
    // hold two parses at once (a garbage collection during the parse would count both as live, and
    // V8 sizes the heap it lets grow before the next one by what it found live). Only what the new
    // version builds on is kept: a previous parse the new one reuses (the unchanged documents of a
    // multi-document YAML stream, a JSON body outside the edit; a single YAML document is parsed
    // again after any edit anyway), and an analysis the next one can build on (it holds its own document).
    cache.delete(textDocument.uri);
    const previousDocument = cached && canParseOn(cached.document) ? cached.document : undefined;
    const previousAnalysis = reusableAnalysis(cached?.analysis) ?? cached?.previousAnalysis;
    return parseVersion(textDocument, previousDocument, previousAnalysis);
  }

  /** Parses the document's current version (see `parsed`, which releases the previous one first). */
  function parseVersion(
    textDocument: TextDocument,
    previousDocument: ConfigDocument | undefined,
    previousAnalysis: AnalysisResult | undefined,
  ): Analysed {
    const started = performance.now();
    let document: ConfigDocument;
    let failure: string | undefined;
    const text = textDocument.getText();
    if (text.length > MAX_ANALYSED_CHARS) {
      // Checking would block every request for seconds; the command-line checker takes files this large.
      document = parseConfigDocument({ uri: textDocument.uri, text: '', version: textDocument.version, languageId: 'plaintext' });
      // Said only where it matters: a large lock file or API description is not ours anyway.
      if (mayConcernRemoteClusters(textDocument.uri, text)) failure = 'too-large';
    } else
      try {
        document = parseConfigDocument({
          uri: textDocument.uri,
          text,
          version: textDocument.version,
          languageId: textDocument.languageId,
          // What an edit left unchanged is reused from the version this replaces.
          previous: previousDocument,
        });
      } catch (error) {
        // The parsers are error-tolerant; this is a last line of defence so one odd file never kills the server.
        failure = error instanceof Error ? error.name : 'unknown error';
        connection.console.error(`Could not parse ${textDocument.uri}: ${errorText(error)}`);
        document = parseConfigDocument({
          uri: textDocument.uri,
          text: '',
          version: textDocument.version,
          languageId: 'plaintext',
        });
      }
    const entry: Analysed = {
      version: textDocument.version,
      document,
      // A version skipped while typing had no analysis: the one before it still serves.
      previousAnalysis,
      failure,
      // This version's own cost, not an average with earlier ones: after the first check of a large
      // manifest, checks of later versions are incremental and a fraction of it.
      cost: performance.now() - started,
    };
    cache.set(textDocument.uri, entry);
    workspaceIndex.updateFromDocument(document);
    return entry;
  }

  function analysed(textDocument: TextDocument): Analysed & { analysis: AnalysisResult } {
    const entry = parsed(textDocument);
    if (!entry.analysis) {
      const started = performance.now();
      const eckWorkspace = entry.document.kind === 'eck-manifest' ? workspaceIndex.summaryExcluding(textDocument.uri) : undefined;
      entry.analysis = analyze(entry.document, { ...settings, eckWorkspace }, entry.previousAnalysis);
      entry.previousAnalysis = undefined;
      entry.cost += performance.now() - started;
      for (const failure of entry.analysis.ruleErrors) {
        connection.console.error(`Rule ${failure.ruleId} failed on ${textDocument.uri}: ${failure.error}`);
      }
    }
    return entry as Analysed & { analysis: AnalysisResult };
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    workspaceIndex.initialize(params);
    settings = readSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', ':', ' ', '"'], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    workspaceIndex.start(connection);
    if (canPullConfiguration) {
      // Only clients that said they take dynamic registrations are asked, and a refusal is not fatal.
      if (canRegisterConfiguration) {
        connection.client
          .register(DidChangeConfigurationNotification.type, { section: 'elasticRemoteClusters' })
          .catch((error: unknown) => connection.console.warn(`Could not register for settings changes: ${errorText(error)}`));
      }
      void refreshSettings();
    }
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      applySettings(readSettings(await connection.workspace.getConfiguration('elasticRemoteClusters')));
    } catch (error) {
      connection.console.warn(`Could not read settings: ${errorText(error)}`);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) {
      void refreshSettings();
      return;
    }
    applySettings(readSettings((change.settings as { elasticRemoteClusters?: unknown } | undefined)?.elasticRemoteClusters));
  });

  // ---------------------------------------------------------------- diagnostics

  const pending = new Map<string, { timer: NodeJS.Timeout; due: number; version: number; background: boolean }>();
  /** Each open document's latest edit (or open): when it came, and the version it made. */
  const lastChange = new Map<string, { at: number; version: number }>();
  /** The version of each document whose diagnostics were sent last. */
  const checkedVersion = new Map<string, number>();

  /** How long to wait before checking a document that was just edited (see debounce.ts). */
  function debounceChange(textDocument: TextDocument): number {
    const now = Date.now();
    const previous = lastChange.get(textDocument.uri);
    lastChange.set(textDocument.uri, { at: now, version: textDocument.version });
    return changeDebounce({
      sincePreviousChange: now - (previous?.at ?? Number.NEGATIVE_INFINITY),
      lastCheckCost: cache.get(textDocument.uri)?.cost ?? 0,
      previousVersionChecked: previous !== undefined && checkedVersion.get(textDocument.uri) === previous.version,
    });
  }

  /** When the editor last asked for something or the server last finished checking what it asked. */
  let lastActivity = 0;
  function noteActivity(): void {
    lastActivity = Date.now();
  }

  /**
   * Validates a document after `delay` ms, replacing what was scheduled before (debounce). A
   * background re-check (another file changed) never postpones a sooner validation already due,
   * and waits for a quiet moment: the editor's own requests and documents go first.
   */
  function scheduleValidation(textDocument: TextDocument, delay = CHANGE_DEBOUNCE_MS, background = false): void {
    const due = Date.now() + delay;
    const scheduled = pending.get(textDocument.uri);
    // Keep what is due sooner when it covers this request: any validation covers a background
    // re-check; a validation of this very version covers another one (onDidOpen then onDidChangeContent).
    if (
      scheduled &&
      scheduled.due <= due &&
      (background || (!scheduled.background && scheduled.version === textDocument.version))
    )
      return;
    clearTimeout(scheduled?.timer);
    // The document object is updated in place by later edits: remember which version this is for.
    const version = textDocument.version;
    const timer = setTimeout(() => {
      const quietFor = Date.now() - lastActivity;
      if (background && quietFor < CROSS_FILE_DEBOUNCE_MS) {
        pending.delete(textDocument.uri);
        scheduleValidation(textDocument, CROSS_FILE_DEBOUNCE_MS - quietFor, true);
        return;
      }
      pending.delete(textDocument.uri);
      void validateUnlessStale(textDocument.uri, version, background);
    }, delay);
    pending.set(textDocument.uri, { timer, due, version, background });
  }

  /** Lets messages already received (a newer edit, a cancellation) be read before expensive work starts. */
  function yieldToMessages(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Validates the document unless a newer version arrived meanwhile (that one has its own validation scheduled). */
  async function validateUnlessStale(uri: string, version: number, background: boolean): Promise<void> {
    await yieldToMessages();
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    validate(current);
    if (!background) noteActivity();
  }

  /**
   * Sends diagnostics. A background re-check (another file changed) can finish after the editor
   * closed the connection; the send then fails (at once or later), and there is no one left to tell.
   */
  function publishDiagnostics(params: PublishDiagnosticsParams): void {
    try {
      connection.sendDiagnostics(params).catch(() => undefined);
    } catch {
      // The connection is closed.
    }
  }

  function validate(current: TextDocument): void {
    const entry = analysed(current);
    const diagnostics = entry.failure
      ? [failureDiagnostic(entry.failure)]
      : toDiagnostics(entry.document, entry.analysis.findings, settings.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS);
    publishDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    checkedVersion.set(current.uri, current.version);
  }

  function failureDiagnostic(reason: string): Diagnostic {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (reason === 'too-large') {
      const mib = MAX_ANALYSED_CHARS / 1024 / 1024;
      return {
        range,
        severity: DiagnosticSeverity.Information,
        code: 'file-too-large',
        source: SOURCE,
        message: `This file is larger than ${mib} MiB, so the editor does not check it. Run es-remote-check on it instead.`,
      };
    }
    return {
      range,
      severity: DiagnosticSeverity.Warning,
      code: 'analysis-failed',
      source: SOURCE,
      message: `This file could not be analysed (internal error: ${reason}), so nothing in it was checked. The server log has details.`,
    };
  }

  /**
   * At most `max` diagnostics, the most severe first (in document order within a severity), and one
   * more that says how many were left out: a file with 100,000 findings would otherwise send a
   * message of tens of megabytes that the editor cannot show usefully anyway.
   */
  function toDiagnostics(document: ConfigDocument, findings: readonly Finding[], max: number): Diagnostic[] {
    if (findings.length <= max) return findings.map((finding) => toDiagnostic(document, finding));
    const kept = mostSevere(findings, max).map((finding) => toDiagnostic(document, finding));
    const omitted = findings.length - max;
    kept.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: 'more-diagnostics',
      source: SOURCE,
      message: `${omitted.toLocaleString('en-US')} more problem(s) in this file are not shown: only the first ${max.toLocaleString('en-US')} are (setting elasticRemoteClusters.maxDiagnostics). Fix these, or run es-remote-check for the full list.`,
    });
    return kept;
  }

  const SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
  };

  /** Links the diagnostic's code to the rule's page, when the page is there. */
  function codeDescription(ruleId: string): { href: string } | undefined {
    const href = rulePages.url(ruleId);
    return href ? { href } : undefined;
  }

  function toDiagnostic(document: ConfigDocument, finding: Finding): Diagnostic {
    return {
      range: document.lines.rangeOf(finding.span),
      severity: SEVERITY[finding.severity],
      code: finding.ruleId,
      codeDescription: codeDescription(finding.ruleId),
      source: SOURCE,
      message: finding.message,
      tags: finding.tags?.map((tag) => (tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)),
      relatedInformation: finding.related?.map((related) => ({
        location: { uri: document.uri, range: document.lines.rangeOf(related.span) },
        message: related.message,
      })),
    };
  }

  documents.onDidOpen((event) => {
    noteActivity();
    lastChange.set(event.document.uri, { at: Date.now(), version: event.document.version });
    scheduleValidation(event.document, 0);
  });
  // Also fired right after onDidOpen, for the same version: that validation is already due at once.
  documents.onDidChangeContent((event) => {
    noteActivity();
    scheduleValidation(event.document, debounceChange(event.document));
  });
  documents.onDidClose((event) => {
    noteActivity();
    clearTimeout(pending.get(event.document.uri)?.timer);
    pending.delete(event.document.uri);
    cache.delete(event.document.uri);
    lastChange.delete(event.document.uri);
    checkedVersion.delete(event.document.uri);
    void workspaceIndex.closed(event.document.uri);
    publishDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  // ---------------------------------------------------------------- completion, hover, code actions

  /**
   * What a completion item carries so its documentation can be filled in on `completionItem/resolve`:
   * the documentation is most of a list's size (hundreds of items in a large file), and the editor
   * only shows it for the item in focus.
   */
  interface CompletionItemData {
    uri: string;
    version: number;
    offset: number;
    index: number;
  }

  /**
   * The document a request is about, once messages already received have been read: undefined when
   * the document is not open. Throws RequestCancelled when the editor cancelled the request, and
   * ContentModified when the document changed after the request was sent (its positions no longer
   * apply and the editor asks again). Either way no parse is spent on an answer nobody waits for.
   */
  async function documentForRequest(uri: string, token: CancellationToken): Promise<TextDocument | undefined> {
    const asked = documents.get(uri)?.version;
    await yieldToMessages();
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    const textDocument = documents.get(uri);
    if (textDocument && textDocument.version !== asked)
      throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed');
    return textDocument;
  }

  connection.onCompletion(async (params, token) => {
    noteActivity();
    const textDocument = await documentForRequest(params.textDocument.uri, token);
    if (!textDocument) return [];
    const { document } = parsed(textDocument);
    const offset = document.lines.offsetAt(params.position);
    return completeAt(document, offset).map((candidate, index): CompletionItem => {
      const range = document.lines.rangeOf(candidate.replaceSpan);
      // An edit range must stay on the cursor's line and contain it.
      if (range.start.line !== params.position.line) range.start = { line: params.position.line, character: 0 };
      if (range.end.line !== params.position.line || range.end.character < params.position.character) range.end = params.position;
      const data: CompletionItemData | undefined = candidate.documentation
        ? { uri: textDocument.uri, version: textDocument.version, offset, index }
        : undefined;
      return {
        label: candidate.label,
        kind:
          candidate.kind === 'property'
            ? CompletionItemKind.Property
            : candidate.kind === 'value'
              ? CompletionItemKind.Value
              : CompletionItemKind.Snippet,
        detail: candidate.detail,
        textEdit: { range, newText: candidate.insertText },
        insertTextFormat: candidate.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        filterText: candidate.filterText,
        sortText: candidate.sortText,
        data,
      };
    });
  });

  connection.onCompletionResolve((item) => {
    const data = item.data as Partial<CompletionItemData> | undefined;
    if (typeof data?.uri !== 'string' || typeof data.offset !== 'number' || typeof data.index !== 'number') return item;
    const textDocument = documents.get(data.uri);
    // The list was computed for an older version: leave the item as it is rather than guess.
    if (!textDocument || textDocument.version !== data.version) return item;
    // Completion is cheap on the cached parse, so the list is computed again rather than kept.
    const candidate = completeAt(parsed(textDocument).document, data.offset)[data.index];
    if (candidate?.label !== item.label || !candidate.documentation) return item;
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: candidate.documentation } };
  });

  connection.onHover(async (params, token) => {
    noteActivity();
    const textDocument = await documentForRequest(params.textDocument.uri, token);
    if (!textDocument) return null;
    const { document } = parsed(textDocument);
    const hover = hoverAt(document, document.lines.offsetAt(params.position));
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: document.lines.rangeOf(hover.span) };
  });

  connection.onCodeAction(async (params, token) => {
    noteActivity();
    const textDocument = await documentForRequest(params.textDocument.uri, token);
    if (!textDocument) return [];
    const { document, analysis } = analysed(textDocument);
    const requested = { start: document.lines.offsetAt(params.range.start), end: document.lines.offsetAt(params.range.end) };
    const actions: CodeAction[] = [];
    for (const finding of analysis.findings) {
      // Range first: reading `fixes` builds them (see analyze.ts), which only the requested range needs.
      if (!spansIntersect(finding.span, requested) || !finding.fixes?.length) continue;
      const diagnostic = toDiagnostic(document, finding);
      for (const fix of finding.fixes) {
        const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        if (fix.edits.length > 0) {
          action.edit = {
            changes: {
              [document.uri]: fix.edits.map((edit) => ({ range: document.lines.rangeOf(edit.span), newText: edit.newText })),
            },
          };
        }
        if (fix.clipboard !== undefined) {
          action.command = { title: fix.title, command: 'elasticRemoteClusters.copyToClipboard', arguments: [fix.clipboard] };
        }
        actions.push(action);
      }
    }
    return actions;
  });

  // ---------------------------------------------------------------- status

  connection.onRequest(DocumentStatusRequest, ({ uri }): DocumentStatus => {
    const keystoreCredentialAliases = settings.keystoreCredentialAliases ?? null;
    const textDocument = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!textDocument) return { recognizedAs: 'Not open', kind: 'not-open', keystoreCredentialAliases };
    const { document } = parsed(textDocument);
    const fromDocument =
      document.scopes.find((scope) => scope.stackVersion)?.stackVersion ??
      document.eck?.elasticsearches.find((es) => es.version)?.version?.value;
    const stackVersion = fromDocument ?? settings.stackVersion;
    return {
      recognizedAs: documentLabel(document),
      kind: document.kind,
      ...(stackVersion ? { stackVersion, stackVersionSource: fromDocument ? ('document' as const) : ('setting' as const) } : {}),
      keystoreCredentialAliases,
    };
  });

  documents.listen(connection);
  connection.listen();
}
