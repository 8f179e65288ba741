import type { ConfigDocument } from './model/configDocument';
import type { ScopeOrigin } from './model/settingsScope';
import { RULES_UNRELIABLE_IN_TEMPLATES, touchesAny, touchesTemplate } from './model/template';
import { DOCUMENT_RULES, SCOPE_RULES } from './rules';
import type { FindingInput, ScopeRule, ScopeRuleContext } from './rules/rule';
import type { AnalysisOptions } from './model/analysisOptions';
import { optionsKey, planIncrementalAnalysis, type ReusableAnalysis } from './incrementalAnalysis';
import { boundedMessage, clampSpan, errorText } from './text';
import type { Finding, Fix, Severity, Span } from './types';
import { parseVersion } from './version';

export interface AnalysisResult {
  findings: Finding[];
  /** Rules that threw; the other rules' findings are still returned. */
  ruleErrors: Array<{ ruleId: string; error: string }>;
  /** Set when findings were taken from the previous version's analysis: how many (see incrementalAnalysis.ts). */
  reusedFindings?: number;
}

/** `localeCompare` order, with one collator instead of one per comparison. */
const RULE_ID_ORDER = new Intl.Collator();

/** The scope rules of each origin, worked out once: an ECK manifest has hundreds of scopes. */
const scopeRulesByOrigin = new Map<ScopeOrigin, readonly ScopeRule[]>();

function scopeRulesFor(origin: ScopeOrigin): readonly ScopeRule[] {
  let rules = scopeRulesByOrigin.get(origin);
  if (!rules) {
    rules = SCOPE_RULES.filter((rule) => rule.origins.includes(origin));
    scopeRulesByOrigin.set(origin, rules);
  }
  return rules;
}

/** Ids of rules whose messages name line numbers: their findings move only with their lines. */
const LINE_QUOTING_RULES: ReadonlySet<string> = new Set(
  [...SCOPE_RULES, ...DOCUMENT_RULES].filter((rule) => rule.quotesLineNumbers).map((rule) => rule.id),
);

/** What each analysis of a multi-document ECK manifest keeps for the analysis of the next version. */
const reusable = new WeakMap<AnalysisResult, ReusableAnalysis>();

/**
 * Runs every applicable rule over an already parsed document. Never throws. `previous`, the
 * analysis of the version this document replaces (parsed with it as `previous`), lets a
 * multi-document ECK manifest be checked again only where it changed (see incrementalAnalysis.ts);
 * the result is the same as without it.
 */
export function analyze(document: ConfigDocument, options: AnalysisOptions = {}, previous?: AnalysisResult): AnalysisResult {
  // Parsers report errors at the end of input one character past the end; keep every range inside the text.
  const findings: Finding[] = document.syntaxErrors.map((error) => ({
    ...error,
    message: boundedMessage(error.message),
    span: clampSpan(error.span, document.text.length),
  }));
  if (document.kind === 'unrelated') return { findings: [], ruleErrors: [] };

  const last = previous && reusable.get(previous);
  const plan = last && planIncrementalAnalysis(document, options, last, LINE_QUOTING_RULES);
  let ruleFindings: Finding[];
  let ruleErrors: AnalysisResult['ruleErrors'];
  if (plan) {
    const changed = runRules(plan.view, options);
    ruleErrors = changed.ruleErrors;
    // Fixes of a reused finding come from a full analysis of this version, run when first asked for.
    let full: Finding[] | undefined;
    const fixesOf = (finding: Finding) => {
      full ??= runRules(document, options).findings;
      return full.find((candidate) => sameFinding(candidate, finding))?.fixes;
    };
    for (const finding of plan.carried) defineLazyFixes(finding, () => fixesOf(finding));
    ruleFindings = [...plan.carried, ...changed.findings.filter((finding) => plan.inChangedDocument(finding.span))];
  } else {
    ({ findings: ruleFindings, ruleErrors } = runRules(document, options));
  }
  findings.push(...ruleFindings);
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || RULE_ID_ORDER.compare(a.ruleId, b.ruleId));
  const result: AnalysisResult = plan ? { findings, ruleErrors, reusedFindings: plan.carried.length } : { findings, ruleErrors };
  if (document.kind === 'eck-manifest' && document.yamlChunks && !document.template)
    reusable.set(result, { document, optionsKey: optionsKey(options), ruleFindings });
  return result;
}

/**
 * Whether `analyze` can build on this result when it checks the next version. A host keeps a
 * previous result only then: it holds on to its document, which for most files is a whole parse.
 */
export function canBuildOn(result: AnalysisResult): boolean {
  return reusable.has(result);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.span.start === b.span.start && a.span.end === b.span.end && a.message === b.message;
}

/** The findings of every rule that applies to the document, unsorted. */
function runRules(document: ConfigDocument, options: AnalysisOptions): AnalysisResult {
  const findings: Finding[] = [];
  const ruleErrors: AnalysisResult['ruleErrors'] = [];

  // One reporter per rule, shared by every scope the rule runs on.
  const reporters = new Map<string, (input: FindingInput) => void>();
  const reporterOf = (rule: { id: string; severity: Severity }) => {
    let report = reporters.get(rule.id);
    if (!report) {
      const { id: ruleId, severity } = rule;
      const { template, interpolations, uneditable } = document;
      report = (input: FindingInput) => {
        // In a template, what a directive renders to is unknown: say nothing about it.
        if (template && (RULES_UNRELIABLE_IN_TEMPLATES.has(ruleId) || touchesTemplate(template, input.span))) return;
        // Nor about a value Compose fills in from the shell.
        if (interpolations && touchesAny(interpolations, input.span)) return;
        findings.push(
          toFinding(uneditable ? withoutFixesTouching(uneditable, input) : input, ruleId, input.severity ?? severity),
        );
      };
      reporters.set(rule.id, report);
    }
    return report;
  };

  const configuredVersion = parseVersion(options.stackVersion);
  const runnersByOrigin = new Map<ScopeOrigin, Array<{ rule: ScopeRule; report: (input: FindingInput) => void }>>();
  for (const scope of document.scopes) {
    let runners = runnersByOrigin.get(scope.origin);
    if (!runners) {
      runners = scopeRulesFor(scope.origin).map((rule) => ({ rule, report: reporterOf(rule) }));
      runnersByOrigin.set(scope.origin, runners);
    }
    // One context per scope (checks run synchronously and keep nothing); only the reporter changes per rule.
    const context: ScopeRuleContext = {
      document,
      scope,
      stackVersion: parseVersion(scope.stackVersion) ?? configuredVersion,
      options,
      report: () => undefined,
    };
    for (const { rule, report } of runners) {
      context.report = report;
      try {
        rule.check(context);
      } catch (error) {
        ruleErrors.push({ ruleId: rule.id, error: errorText(error) });
      }
    }
  }
  for (const rule of DOCUMENT_RULES) {
    if (!rule.kinds.includes(document.kind)) continue;
    try {
      rule.check({ document, options, report: reporterOf(rule) });
    } catch (error) {
      ruleErrors.push({ ruleId: rule.id, error: errorText(error) });
    }
  }
  return { findings, ruleErrors };
}

/** The finding with only the fixes that leave `spans` alone (worked out when the fixes are read, as before). */
function withoutFixesTouching(spans: readonly Span[], input: FindingInput): FindingInput {
  const { fixes } = input;
  if (!fixes) return input;
  const keep = (list: Fix[] | undefined) => {
    const kept = list?.filter((fix) => !fix.edits.some((edit) => touchesAny(spans, edit.span)));
    return kept && kept.length > 0 ? kept : undefined;
  };
  return { ...input, fixes: typeof fixes === 'function' ? () => keep(fixes()) : keep(fixes) };
}

/** A reported finding with its message bounded and, when the rule gave a function, fixes worked out on first read. */
function toFinding(input: FindingInput, ruleId: string, severity: Severity): Finding {
  const { fixes } = input;
  // A copy key by key, in the input's order, rather than `{ ...rest, ruleId, … }`: V8 builds an
  // object literal that spreads and then adds properties on a slow path, ~5 µs a finding (6 ms
  // of each check of the 20,000-line bench manifest, 1,232 findings).
  const copy: Record<string, unknown> = {};
  for (const key in input) if (key !== 'fixes') copy[key] = input[key as keyof FindingInput];
  copy.ruleId = ruleId;
  copy.severity = severity;
  copy.message = boundedMessage(input.message);
  const finding = copy as unknown as Finding;
  if (input.related) finding.related = input.related.map((related) => ({ ...related, message: boundedMessage(related.message) }));
  if (typeof fixes === 'function') defineLazyFixes(finding, fixes);
  else if (fixes) finding.fixes = fixes;
  return finding;
}

/**
 * `finding.fixes` as a property computed on first read and then kept. Reading it anywhere (a
 * code action, a test, JSON output) gives the same fixes an eager rule would have built.
 */
function defineLazyFixes(finding: Finding, compute: () => Fix[] | undefined): void {
  Object.defineProperty(finding, 'fixes', {
    configurable: true,
    enumerable: true,
    get(): Fix[] | undefined {
      let value: Fix[] | undefined;
      try {
        value = compute();
      } catch {
        // A fix that cannot be built is not offered; the finding itself stands.
        value = undefined;
      }
      Object.defineProperty(finding, 'fixes', { configurable: true, enumerable: true, writable: true, value });
      return value;
    },
  });
}
