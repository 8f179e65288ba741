/**
 * The analysis core's public entry. The language server (server/src/lsp), the command-line checker
 * (server/src/cli) and the extension client import the core only from here, as `#core` (see the
 * "imports" field of package.json); an ESLint rule keeps them from reaching into core internals.
 * Unit tests may import internal modules directly.
 */

// Documents: parse once, then analyse, complete and hover.
export {
  CONSOLE_FILE_NAME,
  CONSOLE_LANGUAGE_ID,
  ECK_API_GROUP,
  formatOf,
  isElasticsearchYmlName,
  mayConcernRemoteClusters,
  parseConfigDocument,
  canParseOn,
  type FileFormat,
  type ParseOptions,
} from './model/parseDocument';
export { DOCUMENT_KIND_LABELS, documentLabel, type ConfigDocument, type DocumentKind } from './model/configDocument';
export { analyze, canBuildOn, type AnalysisResult } from './analyze';
export { completeAt } from './completion';
export { hoverAt } from './hover';
export type { AnalysisOptions } from './model/analysisOptions';

// Rules: the lists the analyser runs, and the parser's own finding ids.
export { DOCUMENT_RULES, SCOPE_RULES } from './rules';
export type { DocumentRule, ScopeRule } from './rules/rule';
export { JSON_SYNTAX_RULE_ID, PARSER_RULES, YAML_SYNTAX_RULE_ID, YAML_WARNING_RULE_ID } from './parserFindings';

// Plain data shared with the adapters.
export type { CompletionCandidate, Finding, Fix, HoverResult, Position, Range, Result, Severity, Span, TextEdit } from './types';
export { errorText, LineIndex, spansIntersect } from './text';

// Catalog, domain facts and helpers the client's guided flows reuse.
export { PORTS, VERSION_GATES, type SecurityModel } from './catalog/facts';
export { VALID_ALIAS } from './catalog/lookup';
export { parseAddress, type AddressProblem, type ParsedAddress } from './address';
export { atLeast, compareVersions, parseVersion, type Version } from './version';
export { isCloudEndpoint, remoteAliases, type RemoteAlias } from './model/remoteAliases';

// ECK manifests across a workspace.
export { summarizeManifest, summarizeYamlDocuments, summarizeYamlText } from './eck/workspace';
export { EMPTY_SUMMARY, mergeSummaries, type EckWorkspaceSummary } from './eck/workspaceSummary';
export type { EckElasticsearch } from './eck/manifest';
export { insertEntryEdit } from './eck/edits';
export {
  certificateTrustChange,
  eckNodeSubjectPattern,
  trustYamlText,
  CA_MOUNT_DIR,
  TRUST_MOUNT_DIR,
  TRUST_FILE_NAME,
  type CertificateTrustChange,
  type CertificateTrustPlan,
} from './eck/certificateTrust';
export { contentSpan, nodeSpan } from './eck/yamlAst';

// Console request files.
export { parseConsole, type ConsoleRequest } from './console/parse';
