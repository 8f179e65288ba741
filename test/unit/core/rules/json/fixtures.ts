// Request bodies the JSON rule tests share.
import { jsonDoc } from '../../json/support';

export const CLUSTER_ID = '0123456789abcdef0123456789abcdef';

export const accounts = (entry: string) => jsonDoc(`{ "trust": { "accounts": [ ${entry} ] } }`);

export const direct = (entry: string) => jsonDoc(`{ "trust": { "direct": [ ${entry} ] } }`);

// Named by the convention, so even a body whose access is still empty is read as an API key.
export const key = (access: string, extra = '') =>
  jsonDoc(`{ "name": "k", "access": ${access}${extra} }`, 'file:///requests/ccs.cross-cluster-api-key.json');

export const keystore = (secrets: string) => jsonDoc(`{ "secrets": { ${secrets} } }`);
