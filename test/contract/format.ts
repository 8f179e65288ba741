/**
 * The contract cases: what an official test or API description says a request gets back, written
 * as data and replayed against the emulator through the extension's own API clients (or raw HTTP
 * where the typed client cannot send the request, e.g. a body the types forbid).
 *
 * Assertions follow the YAML REST test vocabulary: `match` (deep equality; a RegExp tests a
 * string), `isTrue` / `isFalse`, `length`, `gt`, plus `absent` and `required` (fields an API
 * description lists as required, checked on every element where a path holds `[*]`).
 * Paths are dotted; a dot inside a key is written `\.`, as the YAML tests do for flat settings.
 * Strings may name values saved earlier with `set`: `$name` alone, or `${name}` inside text;
 * `$base64(a:b)` is the base64 of the two saved values joined by a colon.
 */

/** Where a case comes from: a file of a public repository at a commit. */
export interface SourceRef {
  repo: string;
  path: string;
  commit: string;
  /** The test or definition within the file. */
  part?: string;
}

/** The emulated world a case runs in. */
export type World = 'elasticsearch' | 'ech' | 'ece';

/**
 * Who sends the request. `elastic`: superuser; `admin_user`: only `manage_security` (the user of
 * 50_cross_cluster.yml); `cloud`: the Cloud / ECE API key; `none`: no credentials;
 * `{ apiKey }`: an `Authorization: ApiKey <value>` header (after substitution).
 */
export type Credentials = 'elastic' | 'admin_user' | 'cloud' | 'none' | { apiKey: string };

/** Elasticsearch clusters of the `elasticsearch` world: `local` 8.14.3, `remote` 8.17.0, `old` 8.12.2. */
export type ClusterName = 'local' | 'remote' | 'old';

export interface Expectation {
  /** HTTP status; for a client call, a status of 400 or more means the call must fail with it. */
  status?: number;
  match?: Record<string, unknown>;
  isTrue?: string[];
  isFalse?: string[];
  length?: Record<string, number>;
  gt?: Record<string, number>;
  absent?: string[];
  required?: Record<string, string[]>;
  /** Failures: the server's reason (Elasticsearch `error.reason`, Cloud `errors[0].message`) and type or code. */
  reason?: string | RegExp;
  type?: string;
  /** Raw HTTP steps only: response headers (lower-case names); a list matches a multi-valued header. */
  headers?: Record<string, string | RegExp | Array<string | RegExp>>;
}

interface StepBase {
  expect: Expectation;
  /** Saves values of the response under names: `{ api_key_id: 'id' }`. `_arbitrary_key_` picks an object's first key. */
  set?: Record<string, string>;
}

/** A call of an API client method: `es` on a cluster, `cloud` (CloudClient) or `ece` (EceClient). */
export interface CallStep extends StepBase {
  client: ClusterName | 'cloud' | 'ece';
  auth?: Credentials;
  call: string;
  args?: unknown[];
}

export interface HttpStep extends StepBase {
  http: {
    target: ClusterName | 'cloud';
    method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
    path: string;
    body?: unknown;
    auth?: Credentials;
  };
}

/**
 * A change made outside the APIs, as a person would: `trust` makes `cluster` accept the other's
 * transport certificates (certificate model, on the remote side only); `keystore` adds a value to a
 * node keystore on disk (`elasticsearch-keystore add`).
 */
export interface StateStep {
  state:
    { trust: { cluster: ClusterName; of: ClusterName } } | { keystore: { cluster: ClusterName; name: string; value: string } };
}

export type Step = CallStep | HttpStep | StateStep;

export interface ContractCase {
  name: string;
  sources: SourceRef[];
  world: World;
  steps: Step[];
  /** Where the case departs from its source, and why. */
  note?: string;
}

/** Values of the worlds that cases may name, besides what `set` saves. */
export const WORLD_VALUES = [
  'remote_transport',
  'remote_server',
  'deployment_a',
  'deployment_b',
  'cluster_a',
  'cluster_b',
  'ca_pem',
  'account',
] as const;
