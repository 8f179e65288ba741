/**
 * Plain data types shared by the analysis core. Deliberately free of LSP and VS Code
 * imports so the command-line checker and the tests can use the core directly.
 * Positions are zero-based and count UTF-16 code units, as LSP does by default.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets into the document text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Marks the fix VS Code should apply with "Auto Fix". */
  isPreferred?: boolean;
  /** Text to copy to the clipboard instead of (or as well as) editing, e.g. a keystore command. */
  clipboard?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes?: Fix[];
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** Other places that explain the finding (e.g. the first of two duplicate keys). */
  related?: Array<{ span: Span; message: string }>;
}

// Results of the editor features, shared by the generic feature modules and their ECK and JSON specialisations.

export interface CompletionCandidate {
  label: string;
  kind: 'property' | 'value' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  isSnippet: boolean;
  /** Text to replace: what the user has typed of this item so far. */
  replaceSpan: Span;
  filterText?: string;
  sortText?: string;
}

export interface HoverResult {
  markdown: string;
  span: Span;
}

/** Where the cursor is in a YAML document, as completion sees it. */
export interface YamlCursor {
  /** Keys of the enclosing maps, outermost first; `[]` marks a sequence item. */
  parents: string[];
  position: 'key' | 'value';
  /** Key typed so far (key position), or the key whose value is being typed. */
  key: string;
  /** Span of what is typed at the cursor (the partial key or the partial value). */
  typedSpan: Span;
}

/**
 * An outcome that may fail with a reason a person can read. Validators of typed input answer
 * `string | undefined` instead (the problem, or nothing).
 */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: string };
