import type { DocumentRule, ScopeRule } from '../rule';
import { apiKeyCertificateIdentityRegex } from './apiKeyCertificateIdentityRegex';
import { apiKeyCertificateIdentityVersion } from './apiKeyCertificateIdentityVersion';
import { apiKeyEmptyAccess } from './apiKeyEmptyAccess';
import { apiKeyIndexAliasPrefix } from './apiKeyIndexAliasPrefix';
import { apiKeyReplicationDlsFls } from './apiKeyReplicationDlsFls';
import { cloudRemoteClustersDeprecated } from './cloudRemoteClustersDeprecated';
import { cloudRemoteClustersDuplicateAlias } from './cloudRemoteClustersDuplicateAlias';
import { clusterSettingsModeSwitch } from './clusterSettingsModeSwitch';
import { consoleMethod } from './consoleMethod';
import { consoleRequestLine } from './consoleRequestLine';
import { jsonCommentCloud } from './jsonCommentCloud';
import { jsonDuplicateKey } from './jsonDuplicateKey';
import { jsonSchema } from './jsonSchema';
import { jsonTrailingComma } from './jsonTrailingComma';
import { keystoreCredentialsAliasUnused } from './keystoreCredentialsAliasUnused';
import { keystoreCredentialsName } from './keystoreCredentialsName';
import { keystoreCredentialsValue } from './keystoreCredentialsValue';
import { roleRemoteClusterPattern } from './roleRemoteClusterPattern';
import { roleRemoteIndexAliasPrefix } from './roleRemoteIndexAliasPrefix';
import { trustAllowlistDeploymentId } from './trustAllowlistDeploymentId';
import { trustAllowlistFormat } from './trustAllowlistFormat';
import { trustAllowlistIgnored } from './trustAllowlistIgnored';
import { trustCertificatePem } from './trustCertificatePem';
import { trustDirectScope } from './trustDirectScope';
import { trustNothingTrusted } from './trustNothingTrusted';

/**
 * Rules of this family, registered in ../index.ts: JSON request bodies and Cloud payloads, in
 * `.json` files and in Console request files. `_cluster/settings` bodies also get every
 * settings-scope rule (rules/settings), since their `persistent`/`transient` blocks are scopes.
 */
export const SCOPE_RULES: readonly ScopeRule[] = [];
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  jsonSchema,
  jsonDuplicateKey,
  jsonTrailingComma,
  jsonCommentCloud,
  apiKeyEmptyAccess,
  apiKeyReplicationDlsFls,
  apiKeyIndexAliasPrefix,
  apiKeyCertificateIdentityRegex,
  apiKeyCertificateIdentityVersion,
  roleRemoteClusterPattern,
  roleRemoteIndexAliasPrefix,
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
  keystoreCredentialsAliasUnused,
  clusterSettingsModeSwitch,
  consoleRequestLine,
  consoleMethod,
];
