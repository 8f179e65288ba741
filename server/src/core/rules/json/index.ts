import type { DocumentRule, ScopeRule } from '../rule';

/** Rules of this family, registered in ../index.ts. */
export const SCOPE_RULES: readonly ScopeRule[] = [];
export const DOCUMENT_RULES: readonly DocumentRule[] = [];
