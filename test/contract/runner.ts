/**
 * Replays one contract case against a fresh emulator (see format.ts). A step that gets another
 * answer than its source promises fails with the case, the step and what differed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { CloudClient, EceClient } from '../../client/src/api/cloud';
import { ElasticsearchClient } from '../../client/src/api/elasticsearch';
import { ApiError } from '../../client/src/api/errors';
import { HttpClient, type Auth, type RequestLogEntry } from '../../client/src/api/http';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';
import type { CallStep, ClusterName, ContractCase, Credentials, Expectation, HttpStep, Step, World } from './format';

const CLOUD_KEY = 'contract-cloud-key';
const ADMIN = { username: 'admin_user', password: 'x-pack-test-password' };
const CA_FILE = path.resolve(__dirname, '../../../test/fixtures/tls/ca.crt');

function worldOptions(world: World): EmulatorOptions {
  const users = [
    { username: 'elastic', password: 'changeme', roles: ['superuser'] },
    { ...ADMIN, roles: ['admin_role'] },
  ];
  const roles = { admin_role: { cluster: ['manage_security'] } };
  if (world === 'elasticsearch') {
    return {
      clusters: [
        { name: 'local', version: '8.14.3', users, roles },
        // The remote trusts no one's transport certificates until a case says so (a `trust` state step).
        { name: 'remote', version: '8.17.0', users, roles, trustsCertificatesOf: [] },
        { name: 'old', version: '8.12.2', users, roles },
      ],
    };
  }
  const deployments = [
    { id: 'a'.repeat(32), name: 'deployment-a', cluster: 'alpha', clusterId: '1'.repeat(32) },
    { id: 'b'.repeat(32), name: 'deployment-b', cluster: 'beta', clusterId: '2'.repeat(32) },
  ];
  return {
    clusters: [
      { name: 'alpha', version: '8.17.0', users, roles },
      { name: 'beta', version: '8.17.0', users, roles },
    ],
    cloud:
      world === 'ece'
        ? { flavor: 'ece', apiKeys: [CLOUD_KEY], accountId: 'ece-account', deployments }
        : {
            apiKeys: [CLOUD_KEY],
            accountId: 'org-account',
            deployments,
            // A network security policy of type remote cluster on deployment-b (TrafficFilterRulesetInfo).
            trafficFilterRulesets: [
              {
                id: 'ruleset-rc',
                name: 'remote clusters of org-account',
                type: 'remote_cluster',
                rules: [{ remote_cluster_org_id: 'org-account' }],
                deploymentIds: ['b'.repeat(32)],
              },
            ],
          },
  };
}

function worldValues(emulator: RunningEmulator, world: World): Record<string, unknown> {
  if (world === 'elasticsearch') {
    const remote = emulator.state.cluster('remote');
    return { remote_transport: remote.transportAddress, remote_server: remote.remoteClusterServer.address };
  }
  return {
    deployment_a: 'a'.repeat(32),
    deployment_b: 'b'.repeat(32),
    cluster_a: '1'.repeat(32),
    cluster_b: '2'.repeat(32),
    account: emulator.state.cloud.accountId,
    ca_pem: readFileSync(CA_FILE, 'utf8'),
  };
}

function authOf(credentials: Credentials, values: Record<string, unknown>): Auth {
  if (credentials === 'none') return { type: 'none' };
  if (credentials === 'elastic') return { type: 'basic', username: 'elastic', password: 'changeme' };
  if (credentials === 'admin_user') return { type: 'basic', ...ADMIN };
  if (credentials === 'cloud') return { type: 'apiKey', apiKey: CLOUD_KEY };
  return { type: 'apiKey', apiKey: String(substitute(credentials.apiKey, values)) };
}

function authorizationHeader(auth: Auth): string | undefined {
  if (auth.type === 'basic') return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  if (auth.type === 'apiKey') return `ApiKey ${auth.apiKey}`;
  return undefined;
}

/** Replaces `$name`, `${name}` and `$base64(a:b)` in strings, deeply; RegExps are left alone. */
export function substitute(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const base64 = /^\$base64\((\w+):(\w+)\)$/.exec(value);
    if (base64)
      return Buffer.from(`${String(lookup(values, base64[1]))}:${String(lookup(values, base64[2]))}`).toString('base64');
    const whole = /^\$(\w+)$/.exec(value);
    if (whole) return lookup(values, whole[1]);
    return value.replace(/\$\{(\w+)\}/g, (_, name: string) => String(lookup(values, name)));
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
    // Keys too: paths such as `nodes.${node_id}.reload_exception` name saved values.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key.replace(/\$\{(\w+)\}/g, (_, name: string) => String(lookup(values, name))),
        substitute(item, values),
      ]),
    );
  }
  return value;
}

function lookup(values: Record<string, unknown>, name: string): unknown {
  if (!(name in values)) throw new Error(`no value named "${name}" was saved or defined`);
  return values[name];
}

function segments(dotted: string): string[] {
  return dotted === '' ? [] : dotted.split(/(?<!\\)\./).map((segment) => segment.replace(/\\\./g, '.'));
}

/** The value at a dotted path (`_arbitrary_key_` takes an object's first key, digits index arrays). */
export function valueAt(body: unknown, dotted: string): unknown {
  let current = body;
  for (const segment of segments(dotted)) {
    if (current === null || typeof current !== 'object') return undefined;
    const record = current as Record<string, unknown>;
    current = segment === '_arbitrary_key_' ? Object.keys(record)[0] : record[segment];
  }
  return current;
}

/** Every value a path with `[*]` segments reaches. */
function valuesAt(body: unknown, dotted: string): unknown[] {
  let current: unknown[] = [body];
  for (const segment of segments(dotted)) {
    const spread = segment.endsWith('[*]');
    const key = spread ? segment.slice(0, -3) : segment;
    current = current.flatMap((item) => {
      const next =
        key === '' ? item : item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      return spread ? (Array.isArray(next) ? next : [undefined]) : [next];
    });
  }
  return current;
}

const truthy = (value: unknown) =>
  !(value === undefined || value === null || value === false || value === '' || value === 'false' || value === 0);

interface Outcome {
  status: number;
  body: unknown;
  reason?: string;
  type?: string;
  headers?: Record<string, string[]>;
}

function check(expect: Expectation, outcome: Outcome, values: Record<string, unknown>, where: string): void {
  const expected = substitute(expect, values) as Expectation;
  const fail = (what: string) => assert.fail(`${where}: ${what}`);
  const expectedStatus = expected.status ?? 200;
  if (outcome.status !== expectedStatus)
    fail(`status ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}, expected ${expectedStatus}`);
  for (const [key, want] of Object.entries(expected.match ?? {})) {
    const got = valueAt(outcome.body, key);
    if (want instanceof RegExp) {
      if (typeof got !== 'string' || !want.test(got)) fail(`"${key}" is ${JSON.stringify(got)}, expected to match ${want}`);
    } else {
      try {
        assert.deepStrictEqual(got, want);
      } catch {
        fail(`"${key}" is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      }
    }
  }
  for (const key of expected.isTrue ?? [])
    if (!truthy(valueAt(outcome.body, key)))
      fail(`"${key}" is ${JSON.stringify(valueAt(outcome.body, key))}, expected a true value`);
  for (const key of expected.isFalse ?? [])
    if (truthy(valueAt(outcome.body, key)))
      fail(`"${key}" is ${JSON.stringify(valueAt(outcome.body, key))}, expected a false value`);
  for (const [key, size] of Object.entries(expected.length ?? {})) {
    const got = valueAt(outcome.body, key);
    const actual = Array.isArray(got)
      ? got.length
      : got !== null && typeof got === 'object'
        ? Object.keys(got).length
        : undefined;
    if (actual !== size) fail(`"${key}" has length ${actual}, expected ${size}`);
  }
  for (const [key, floor] of Object.entries(expected.gt ?? {})) {
    const got = valueAt(outcome.body, key);
    if (typeof got !== 'number' || !(got > floor)) fail(`"${key}" is ${JSON.stringify(got)}, expected more than ${floor}`);
  }
  for (const key of expected.absent ?? [])
    if (valueAt(outcome.body, key) !== undefined)
      fail(`"${key}" is present (${JSON.stringify(valueAt(outcome.body, key))}), expected absent`);
  for (const [key, fields] of Object.entries(expected.required ?? {})) {
    const objects = valuesAt(outcome.body, key);
    if (objects.length === 0) fail(`nothing at "${key}"`);
    for (const [index, object] of objects.entries()) {
      for (const field of fields) {
        if (object === null || typeof object !== 'object' || (object as Record<string, unknown>)[field] === undefined)
          fail(`"${key}" #${index} lacks the required field "${field}"`);
      }
    }
  }
  if (expected.reason !== undefined) {
    const ok =
      expected.reason instanceof RegExp ? expected.reason.test(outcome.reason ?? '') : outcome.reason === expected.reason;
    if (!ok)
      fail(
        `reason is ${JSON.stringify(outcome.reason)}, expected ${expected.reason instanceof RegExp ? expected.reason : JSON.stringify(expected.reason)}`,
      );
  }
  if (expected.type !== undefined && outcome.type !== expected.type)
    fail(`type is ${JSON.stringify(outcome.type)}, expected ${JSON.stringify(expected.type)}`);
  for (const [name, want] of Object.entries(expected.headers ?? {})) {
    const got = outcome.headers?.[name] ?? [];
    const wanted = Array.isArray(want) ? want : [want];
    const matches = (pattern: string | RegExp, value: string) =>
      pattern instanceof RegExp ? pattern.test(value) : pattern === value;
    if (got.length !== wanted.length || !wanted.every((pattern, index) => matches(pattern, got[index])))
      fail(`header ${name} is ${JSON.stringify(got)}, expected ${wanted.map(String).join(' | ')}`);
  }
}

/** The reason and type of an error body, Elasticsearch's or the Cloud API's. */
function errorOf(body: unknown): { reason?: string; type?: string } {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (typeof record.error === 'string') return { reason: record.error };
  if (record.error && typeof record.error === 'object') {
    const error = record.error as Record<string, unknown>;
    return {
      reason: typeof error.reason === 'string' ? error.reason : undefined,
      type: typeof error.type === 'string' ? error.type : undefined,
    };
  }
  if (Array.isArray(record.errors) && record.errors[0] && typeof record.errors[0] === 'object') {
    const first = record.errors[0] as Record<string, unknown>;
    return { reason: String(first.message), type: String(first.code) };
  }
  return {};
}

function rawRequest(baseUrl: string, step: HttpStep['http'], auth: Auth, values: Record<string, unknown>): Promise<Outcome> {
  const url = new URL(String(substitute(step.path, values)), baseUrl);
  const body = step.body === undefined ? undefined : JSON.stringify(substitute(step.body, values));
  const authorization = authorizationHeader(auth);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: step.method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(authorization ? { authorization } : {}),
        },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          const headers: Record<string, string[]> = {};
          for (let index = 0; index < response.rawHeaders.length; index += 2)
            (headers[response.rawHeaders[index].toLowerCase()] ??= []).push(response.rawHeaders[index + 1]);
          resolve({ status: response.statusCode ?? 0, body: parsed, headers, ...errorOf(parsed) });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url.pathname} within 10 s`)));
    request.on('error', reject);
    request.end(body);
  });
}

export async function runCase(contract: ContractCase): Promise<void> {
  const emulator = await startEmulator(worldOptions(contract.world));
  const closers: Array<() => Promise<void>> = [];
  const values: Record<string, unknown> = worldValues(emulator, contract.world);
  let lastStatus: number | undefined;
  const baseUrl = (target: ClusterName | 'cloud' | 'ece') =>
    target === 'cloud' || target === 'ece'
      ? (emulator.cloudUrl as string)
      : emulator.clusterUrl(contract.world === 'elasticsearch' ? target : target === 'local' ? 'alpha' : 'beta');
  const clientFor = (step: CallStep) => {
    const auth = authOf(step.auth ?? (step.client === 'cloud' || step.client === 'ece' ? 'cloud' : 'elastic'), values);
    const service = step.client === 'cloud' ? 'cloud' : step.client === 'ece' ? 'ece' : 'elasticsearch';
    // The status of a successful call is that of the last request it made (201, 202, … are not visible otherwise).
    const logger = { request: (entry: RequestLogEntry) => (lastStatus = entry.status), warn: () => undefined };
    const httpClient = new HttpClient({ service, baseUrl: baseUrl(step.client), auth, logger });
    closers.push(() => httpClient.close());
    return step.client === 'cloud'
      ? new CloudClient(httpClient)
      : step.client === 'ece'
        ? new EceClient(httpClient, emulator.state.cloud.region)
        : new ElasticsearchClient(httpClient);
  };
  try {
    for (const [index, step] of contract.steps.entries()) {
      const where = `${contract.name}, step ${index + 1}`;
      const outcome = await perform(step, where);
      if (!outcome || !('expect' in step)) continue;
      // Saved first, as the YAML tests `set` before later assertions use the value.
      for (const [name, at] of Object.entries(step.set ?? {})) values[name] = valueAt(outcome.body, at);
      check(step.expect, outcome, values, where);
    }
  } finally {
    await Promise.all(closers.map((close) => close()));
    await emulator.stop();
  }

  async function perform(step: Step, where: string): Promise<Outcome | undefined> {
    if ('state' in step) {
      const change = step.state;
      if ('trust' in change) {
        const cluster = emulator.state.cluster(change.trust.cluster);
        cluster.trustsCertificatesOf = new Set([
          ...(cluster.trustsCertificatesOf === 'all' ? [] : cluster.trustsCertificatesOf),
          change.trust.of,
        ]);
      } else {
        emulator.state
          .cluster(change.keystore.cluster)
          .keystoreAdd(change.keystore.name, String(substitute(change.keystore.value, values)));
      }
      return undefined;
    }
    if ('http' in step)
      return rawRequest(
        baseUrl(step.http.target),
        step.http,
        authOf(step.http.auth ?? (step.http.target === 'cloud' ? 'cloud' : 'elastic'), values),
        values,
      );
    const client = clientFor(step) as unknown as Record<string, unknown>;
    const method = client[step.call];
    if (typeof method !== 'function') assert.fail(`${where}: the ${step.client} client has no method "${step.call}"`);
    try {
      lastStatus = undefined;
      const body: unknown = await (method as (...args: unknown[]) => Promise<unknown>).apply(
        client,
        substitute(step.args ?? [], values) as unknown[],
      );
      return { status: lastStatus ?? 200, body };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === undefined) throw error;
      return { status: error.status, body: undefined, reason: error.details.reason, type: error.details.type };
    }
  }
}
