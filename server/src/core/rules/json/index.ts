import type { DocumentRule, ScopeRule } from '../rule';
import {
  apiKeyCertificateIdentityRegex,
  apiKeyCertificateIdentityVersion,
  apiKeyEmptyAccess,
  apiKeyIndexAlias,
  apiKeyReplicationSecurity,
} from './apiKey';
import {
  cloudRemoteClustersDeprecated,
  cloudRemoteClustersDuplicateAlias,
  keystoreCredentialsAlias,
  keystoreCredentialsName,
  keystoreCredentialsValue,
} from './cloud';
import { consoleMethod, consoleRequestLine } from './console';
import { jsonCommentInCloudBody, jsonTrailingComma } from './leniency';
import { modeSwitchKeepsOldSettings } from './modeSwitch';
import { roleClusterPattern, roleRemoteIndexAlias } from './role';
import { duplicateKey, schemaViolation } from './schemaViolation';
import {
  trustAllowlistDeploymentId,
  trustAllowlistFormat,
  trustAllowlistIgnored,
  trustCertificatePem,
  trustDirectScope,
  trustNothingTrusted,
} from './trust';

/**
 * Rules of this family, registered in ../index.ts: JSON request bodies and Cloud payloads, in
 * `.json` files and in Console request files. `_cluster/settings` bodies also get every
 * settings-scope rule (rules/settings), since their `persistent`/`transient` blocks are scopes.
 */
export const SCOPE_RULES: readonly ScopeRule[] = [];
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  schemaViolation,
  duplicateKey,
  jsonTrailingComma,
  jsonCommentInCloudBody,
  apiKeyEmptyAccess,
  apiKeyReplicationSecurity,
  apiKeyIndexAlias,
  apiKeyCertificateIdentityRegex,
  apiKeyCertificateIdentityVersion,
  roleClusterPattern,
  roleRemoteIndexAlias,
  trustAllowlistFormat,
  trustAllowlistDeploymentId,
  trustAllowlistIgnored,
  trustNothingTrusted,
  trustDirectScope,
  trustCertificatePem,
  cloudRemoteClustersDeprecated,
  cloudRemoteClustersDuplicateAlias,
  keystoreCredentialsName,
  keystoreCredentialsValue,
  keystoreCredentialsAlias,
  modeSwitchKeepsOldSettings,
  consoleRequestLine,
  consoleMethod,
];
