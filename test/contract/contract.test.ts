/**
 * The contract layer: every case of cases/*.ts replayed against the emulator through the API
 * clients. A divergence from an official source fails here; so does a client method without a
 * case, or a case without a source pinned to a commit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CloudClient, EceClient } from '../../client/src/api/cloud';
import { ElasticsearchClient } from '../../client/src/api/elasticsearch';
import { CLOUD_CASES } from './cases/cloud';
import { ELASTICSEARCH_CASES } from './cases/elasticsearch';
import type { ContractCase } from './format';
import { runCase } from './runner';

const CASES: ContractCase[] = [...ELASTICSEARCH_CASES, ...CLOUD_CASES];

describe('contract cases', () => {
  for (const contract of CASES) {
    test(contract.name, { timeout: 20_000 }, () => runCase(contract));
  }
});

describe('the contract cases themselves', () => {
  const methodsOf = (prototype: object) =>
    Object.getOwnPropertyNames(prototype).filter(
      (name) => name !== 'constructor' && typeof (prototype as Record<string, unknown>)[name] === 'function',
    );
  const called = (clients: string[]) =>
    new Set(
      CASES.flatMap((contract) =>
        contract.steps.flatMap((step) => ('call' in step && clients.includes(step.client) ? [step.call] : [])),
      ),
    );

  test('every Elasticsearch client method has a case', () => {
    const covered = called(['local', 'remote', 'old']);
    assert.deepEqual(
      methodsOf(ElasticsearchClient.prototype).filter((name) => !covered.has(name)),
      [],
    );
  });

  test('every Elastic Cloud and ECE client method has a case', () => {
    const covered = called(['cloud', 'ece']);
    assert.deepEqual(
      [...methodsOf(CloudClient.prototype), ...methodsOf(EceClient.prototype)].filter((name) => !covered.has(name)),
      [],
    );
  });

  test('every case names its sources: a repository, a path and a full commit', () => {
    for (const contract of CASES) {
      assert.ok(contract.sources.length > 0, contract.name);
      for (const source of contract.sources) {
        assert.match(source.repo, /^[\w.-]+\/[\w.-]+$/, contract.name);
        assert.ok(source.path.length > 0, contract.name);
        assert.match(source.commit, /^[0-9a-f]{40}$/, contract.name);
      }
    }
  });

  test('case names are unique, so a failure points at one case', () => {
    const names = CASES.map((contract) => contract.name);
    assert.deepEqual(
      names.filter((name, index) => names.indexOf(name) !== index),
      [],
    );
  });
});
