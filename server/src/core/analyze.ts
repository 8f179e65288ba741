import type { ConfigDocument } from './model/document';
import { DOCUMENT_RULES, SCOPE_RULES } from './rules';
import type { AnalysisOptions, FindingInput } from './rules/rule';
import { clampSpan } from './text';
import type { Finding, Severity } from './types';
import { parseVersion } from './version';

export interface AnalysisResult {
  findings: Finding[];
  /** Rules that threw; the other rules' findings are still returned. */
  ruleErrors: Array<{ ruleId: string; error: string }>;
}

/** Runs every applicable rule over an already parsed document. Never throws. */
export function analyze(document: ConfigDocument, options: AnalysisOptions = {}): AnalysisResult {
  // Parsers report errors at the end of input one character past the end; keep every range inside the text.
  const findings: Finding[] = document.syntaxErrors.map((error) => ({ ...error, span: clampSpan(error.span, document.text.length) }));
  const ruleErrors: AnalysisResult['ruleErrors'] = [];
  if (document.kind === 'unrelated') return { findings: [], ruleErrors };

  const collect = (ruleId: string, severity: Severity) => (input: FindingInput) => {
    findings.push({ ...input, ruleId, severity: input.severity ?? severity });
  };

  for (const scope of document.scopes) {
    const stackVersion = parseVersion(scope.stackVersion) ?? parseVersion(options.stackVersion);
    for (const rule of SCOPE_RULES) {
      if (!rule.origins.includes(scope.origin)) continue;
      try {
        rule.check({ document, scope, stackVersion, options, report: collect(rule.id, rule.severity) });
      } catch (error) {
        ruleErrors.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  for (const rule of DOCUMENT_RULES) {
    if (!rule.kinds.includes(document.kind)) continue;
    try {
      rule.check({ document, options, report: collect(rule.id, rule.severity) });
    } catch (error) {
      ruleErrors.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings, ruleErrors };
}
