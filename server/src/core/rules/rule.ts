import type { AnalysisOptions } from '../model/analysisOptions';
import type { ConfigDocument, DocumentKind } from '../model/configDocument';
import type { ScopeOrigin, SettingsScope } from '../model/settingsScope';
import type { Finding, Fix, Severity } from '../types';
import type { Version } from '../version';

/**
 * A rule is a small unit with a stable id (shown as the diagnostic code), a default severity
 * and a check. Scope rules see one block of settings at a time, whatever format it came from;
 * document rules see the whole parsed document (ECK resources, JSON payloads, cross-references).
 *
 * A scope can hold thousands of settings, and every rule runs on each version of the file: a rule
 * visits only what concerns it (model/remoteAliases.ts: occurrencesByDefinition, occurrencesOf,
 * flaggedAddresses, connectionAddresses on demand), allocates only for what it reports, and walks
 * long lists with plain indexed loops (a `for…of` allocates a step object per item until V8
 * optimises the loop, which code run once per version seldom is).
 */

/**
 * What a rule reports. `fixes` may be a function: it is then called only when something reads the
 * finding's fixes (a code-action request for its range), not for every finding of every analysis.
 */
export type FindingInput = Omit<Finding, 'ruleId' | 'severity' | 'fixes'> & {
  severity?: Severity;
  fixes?: Fix[] | (() => Fix[] | undefined);
};

interface RuleBase {
  id: string;
  severity: Severity;
  /** One line for the README's rule table. */
  title: string;
  /** Numbers of the candidate rules in shared/reference/validation-rules.md this implements. */
  reference?: number[];
  /** Its messages name line numbers, so a finding cannot be reused once lines above it moved (incrementalAnalysis.ts). */
  quotesLineNumbers?: boolean;
}

export interface ScopeRuleContext {
  document: ConfigDocument;
  scope: SettingsScope;
  /** The scope's own version (ECK `spec.version`) or the configured one; undefined when unknown. */
  stackVersion?: Version;
  /** The analysis options (e.g. keystore credential aliases); optional so contexts built by hand stay valid. */
  options?: AnalysisOptions;
  report(finding: FindingInput): void;
}

export interface ScopeRule extends RuleBase {
  origins: readonly ScopeOrigin[];
  check(context: ScopeRuleContext): void;
}

export interface DocumentRuleContext {
  document: ConfigDocument;
  options: AnalysisOptions;
  report(finding: FindingInput): void;
}

export interface DocumentRule extends RuleBase {
  kinds: readonly DocumentKind[];
  check(context: DocumentRuleContext): void;
}

export const ALL_SETTINGS_ORIGINS: readonly ScopeOrigin[] = ['elasticsearch-yml', 'eck-config', 'cluster-settings'];
