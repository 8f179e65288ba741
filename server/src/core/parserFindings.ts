import type { Severity } from './types';

/**
 * Findings that come from the parsers rather than from a rule in rules/index.ts. Listed here so
 * that everything that enumerates rule ids (the rule pages under docs/rules, their test) sees them.
 */
export const YAML_SYNTAX_RULE_ID = 'yaml-syntax';
export const JSON_SYNTAX_RULE_ID = 'json-syntax';
/** The `yaml` parser's warnings: text it read, but that stricter YAML readers may refuse or read differently. */
export const YAML_WARNING_RULE_ID = 'yaml-warning';

export const PARSER_RULES: ReadonlyArray<{ id: string; severity: Severity }> = [
  { id: YAML_SYNTAX_RULE_ID, severity: 'error' },
  { id: JSON_SYNTAX_RULE_ID, severity: 'error' },
  { id: YAML_WARNING_RULE_ID, severity: 'warning' },
];
