import { duplicateSetting } from './duplicateSetting';
import { duplicateYamlKey } from './duplicateYamlKey';
import * as eck from './eck';
import * as json from './json';
import type { DocumentRule, ScopeRule } from './rule';
import * as settings from './settings';
import { unknownSetting } from './unknownSetting';

/**
 * Every rule the analyser runs, in one place. Each family keeps its own list:
 * settings/ (elasticsearch.yml rules that apply to any settings block), eck/ (ECK manifests),
 * json/ (API bodies and Cloud payloads).
 */
export const SCOPE_RULES: readonly ScopeRule[] = [
  unknownSetting,
  duplicateSetting,
  duplicateYamlKey,
  ...settings.SCOPE_RULES,
  ...eck.SCOPE_RULES,
  ...json.SCOPE_RULES,
];

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  ...settings.DOCUMENT_RULES,
  ...eck.DOCUMENT_RULES,
  ...json.DOCUMENT_RULES,
];
