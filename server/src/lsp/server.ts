/**
 * The LSP adapter: owns documents and their cached parse, and maps the analysis core's plain
 * results to protocol types. No analysis logic lives here.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult } from '../core/analyze';
import { completeAt } from '../core/completion';
import { hoverAt } from '../core/hover';
import { parseConfigDocument, type ConfigDocument } from '../core/model/document';
import { spansIntersect } from '../core/text';
import type { Finding, Severity } from '../core/types';
import { EckWorkspaceIndex, normalizeUri } from './workspaceIndex';

export const SERVER_NAME = 'elastic-remote-clusters';
declare const __EXTENSION_VERSION__: string | undefined;
const SERVER_VERSION = typeof __EXTENSION_VERSION__ === 'string' ? __EXTENSION_VERSION__ : '0.0.0-dev';
const SOURCE = 'elastic-remote-clusters';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

interface Settings {
  stackVersion?: string;
  /** Aliases with cross-cluster API key credentials in the keystore; undefined when unknown. */
  keystoreCredentialAliases?: string[];
}
let settings: Settings = {};

/** Reads the `elasticRemoteClusters` section (or initialization options) defensively: users edit it by hand. */
function readSettings(raw: unknown): Settings {
  const section = (raw ?? {}) as Record<string, unknown>;
  const stackVersion = typeof section.stackVersion === 'string' && section.stackVersion.trim() ? section.stackVersion.trim() : undefined;
  const aliases = section.keystoreCredentialAliases;
  const keystoreCredentialAliases = Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : undefined;
  return { stackVersion, keystoreCredentialAliases };
}

/** Adopts new settings; re-analyses open documents when they change what the rules see. */
function applySettings(next: Settings): void {
  if (JSON.stringify(next) === JSON.stringify(settings)) return;
  settings = next;
  for (const entry of cache.values()) entry.analysis = undefined;
  documents.all().forEach((document) => scheduleValidation(document));
}
let canPullConfiguration = false;

/** One parse and one analysis per document version, shared by every request. */
interface Analysed {
  version: number;
  document: ConfigDocument;
  analysis?: AnalysisResult;
}
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
    entry.analysis = undefined;
    scheduleValidation(textDocument, CROSS_FILE_DEBOUNCE_MS, true);
  }
});

function parsed(textDocument: TextDocument): Analysed {
  const cached = cache.get(textDocument.uri);
  if (cached && cached.version === textDocument.version) return cached;
  // Let the previous version's trees go before building the new ones: large files then do not
  // hold two parses at once.
  cache.delete(textDocument.uri);
  let document: ConfigDocument;
  try {
    document = parseConfigDocument({
      uri: textDocument.uri,
      text: textDocument.getText(),
      version: textDocument.version,
      languageId: textDocument.languageId,
    });
  } catch (error) {
    // The parsers are error-tolerant; this is a last line of defence so one odd file never kills the server.
    connection.console.error(`Could not parse ${textDocument.uri}: ${error instanceof Error ? error.message : String(error)}`);
    document = parseConfigDocument({ uri: textDocument.uri, text: '', version: textDocument.version, languageId: 'plaintext' });
  }
  const entry: Analysed = { version: textDocument.version, document };
  cache.set(textDocument.uri, entry);
  workspaceIndex.updateFromDocument(document);
  return entry;
}

function analysed(textDocument: TextDocument): Analysed & { analysis: AnalysisResult } {
  const entry = parsed(textDocument);
  if (!entry.analysis) {
    const eckWorkspace = entry.document.kind === 'eck-manifest' ? workspaceIndex.summaryExcluding(textDocument.uri) : undefined;
    entry.analysis = analyze(entry.document, { ...settings, eckWorkspace });
    for (const failure of entry.analysis.ruleErrors) {
      connection.console.error(`Rule ${failure.ruleId} failed on ${textDocument.uri}: ${failure.error}`);
    }
  }
  return entry as Analysed & { analysis: AnalysisResult };
}

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
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
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'elasticRemoteClusters' });
    void refreshSettings();
  }
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    applySettings(readSettings(await connection.workspace.getConfiguration('elasticRemoteClusters')));
  } catch (error) {
    connection.console.warn(`Could not read settings: ${error instanceof Error ? error.message : String(error)}`);
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
/** Typing bursts are coalesced; the first open is validated at once. */
const CHANGE_DEBOUNCE_MS = 40;

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
  if (scheduled && scheduled.due <= due && (background || (!scheduled.background && scheduled.version === textDocument.version))) return;
  clearTimeout(scheduled?.timer);
  const timer = setTimeout(() => {
    const quietFor = Date.now() - lastActivity;
    if (background && quietFor < CROSS_FILE_DEBOUNCE_MS) {
      pending.delete(textDocument.uri);
      scheduleValidation(textDocument, CROSS_FILE_DEBOUNCE_MS - quietFor, true);
      return;
    }
    pending.delete(textDocument.uri);
    validate(textDocument);
    if (!background) noteActivity();
  }, delay);
  pending.set(textDocument.uri, { timer, due, version: textDocument.version, background });
}

function validate(textDocument: TextDocument): void {
  const current = documents.get(textDocument.uri);
  if (!current) return;
  const { document, analysis } = analysed(current);
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(document, finding));
  void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(document: ConfigDocument, finding: Finding): Diagnostic {
  return {
    range: document.lines.rangeOf(finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
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
  scheduleValidation(event.document, 0);
});
// Also fired right after onDidOpen, for the same version: that validation is already due at once.
documents.onDidChangeContent((event) => {
  noteActivity();
  scheduleValidation(event.document);
});
documents.onDidClose((event) => {
  noteActivity();
  clearTimeout(pending.get(event.document.uri)?.timer);
  pending.delete(event.document.uri);
  cache.delete(event.document.uri);
  void workspaceIndex.closed(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
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

connection.onCompletion((params) => {
  noteActivity();
  const textDocument = documents.get(params.textDocument.uri);
  if (!textDocument) return [];
  const { document } = parsed(textDocument);
  const offset = document.lines.offsetAt(params.position);
  return completeAt(document, offset).map((candidate, index): CompletionItem => {
    const range = document.lines.rangeOf(candidate.replaceSpan);
    // An edit range must stay on the cursor's line and contain it.
    if (range.start.line !== params.position.line) range.start = { line: params.position.line, character: 0 };
    if (range.end.line !== params.position.line || range.end.character < params.position.character) range.end = params.position;
    const data: CompletionItemData | undefined = candidate.documentation ? { uri: textDocument.uri, version: textDocument.version, offset, index } : undefined;
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

connection.onHover((params) => {
  noteActivity();
  const textDocument = documents.get(params.textDocument.uri);
  if (!textDocument) return null;
  const { document } = parsed(textDocument);
  const hover = hoverAt(document, document.lines.offsetAt(params.position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: document.lines.rangeOf(hover.span) };
});

connection.onCodeAction((params) => {
  noteActivity();
  const textDocument = documents.get(params.textDocument.uri);
  if (!textDocument) return [];
  const { document, analysis } = analysed(textDocument);
  const requested = { start: document.lines.offsetAt(params.range.start), end: document.lines.offsetAt(params.range.end) };
  const actions: CodeAction[] = [];
  for (const finding of analysis.findings) {
    if (!finding.fixes?.length || !spansIntersect(finding.span, requested)) continue;
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

documents.listen(connection);
connection.listen();
