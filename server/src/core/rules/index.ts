import { duplicateSetting } from './duplicateSetting';
import type { DocumentRule, ScopeRule } from './rule';
import { unknownSetting } from './unknownSetting';

/** Every rule the analyser runs, in one place. Add new rules here. */
export const SCOPE_RULES: readonly ScopeRule[] = [unknownSetting, duplicateSetting];

export const DOCUMENT_RULES: readonly DocumentRule[] = [];
