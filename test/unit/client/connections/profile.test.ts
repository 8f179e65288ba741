import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  authFor,
  describeProfile,
  endpointUrl,
  newProfileId,
  parseProfiles,
  profileProblems,
  urlInputProblem,
  withDefaultEcePort,
  type ConnectionProfile,
} from '../../../../client/src/connections/profile';

const cloudId = `prod:${Buffer.from('eu-west-1.aws.found.io$abc123$def456').toString('base64')}`;

describe('connection profiles from settings', () => {
  test('well-formed entries are read with their options', () => {
    const { profiles, problems } = parseProfiles([
      {
        id: 'prod',
        name: 'Production',
        kind: 'elasticsearch',
        url: 'https://es.example.com:9200',
        auth: 'basic',
        username: 'admin',
        caFile: '/certs/ca.crt',
        timeoutSeconds: 10,
      },
      { id: 'ech', name: 'Cloud', kind: 'cloud', auth: 'apiKey' },
      { id: 'ece', name: 'ECE', kind: 'ece', url: 'https://ece.example.com:12443', auth: 'apiKey', region: 'eu-region' },
    ]);
    assert.deepEqual(problems, []);
    assert.equal(profiles.length, 3);
    assert.deepEqual(profiles[0], {
      id: 'prod',
      name: 'Production',
      kind: 'elasticsearch',
      auth: 'basic',
      url: 'https://es.example.com:9200',
      username: 'admin',
      caFile: '/certs/ca.crt',
      timeoutSeconds: 10,
    });
    assert.equal(endpointUrl(profiles[1]), 'https://api.elastic-cloud.com');
  });

  test('hand-edited mistakes are reported, never thrown; unusable entries are skipped', () => {
    const { profiles, problems } = parseProfiles([
      'oops',
      { name: 'no id', kind: 'elasticsearch' },
      { id: 'x', name: 'Weird', kind: 'opensearch' },
      { id: 'dup', name: 'First', kind: 'elasticsearch', url: 'http://a:9200' },
      { id: 'dup', name: 'Second', kind: 'elasticsearch', url: 'http://b:9200' },
      { id: 'bad', name: 'Bad', kind: 'cloud', auth: 'basic', timeoutSeconds: 0 },
    ]);
    assert.deepEqual(
      profiles.map((p) => p.id),
      ['dup', 'bad'],
    );
    assert.equal(problems.length, 5);
    assert.match(problems[0], /#1 is not an object/);
    assert.match(problems[1], /#2 has no "id"/);
    assert.match(problems[2], /unknown "kind"/);
    assert.match(problems[3], /repeats the id "dup"/);
    assert.match(
      problems[4],
      /"auth" must be one of apiKey for Elastic Cloud Hosted API.*"timeoutSeconds" must be between 1 and 600/,
    );
    assert.deepEqual(parseProfiles({ not: 'a list' }).problems, [
      '"elasticRemoteClusters.connections" must be a list of connections.',
    ]);
    assert.deepEqual(parseProfiles(undefined), { profiles: [], problems: [] });
  });

  test('an Elasticsearch profile needs exactly one of url and cloudId; the Cloud ID is decoded to the endpoint', () => {
    const base = { id: 'a', name: 'A', kind: 'elasticsearch', auth: 'none' } as const;
    assert.match(profileProblems({ ...base }).join(' '), /needs a "url"/);
    assert.match(profileProblems({ ...base, url: 'https://x', cloudId }).join(' '), /not both/);
    assert.match(profileProblems({ ...base, cloudId: 'prod:!!!' }).join(' '), /Cloud ID/);
    assert.equal(endpointUrl({ ...base, cloudId }), 'https://abc123.eu-west-1.aws.found.io');
    assert.equal(describeProfile({ ...base, cloudId }), 'Elasticsearch · Cloud ID https://abc123.eu-west-1.aws.found.io');
  });

  test('basic auth needs a user name and a stored password; API keys need a stored key', () => {
    const basic: ConnectionProfile = {
      id: 'a',
      name: 'A',
      kind: 'elasticsearch',
      url: 'https://x',
      auth: 'basic',
      username: 'u',
    };
    assert.deepEqual(authFor(basic, { password: 'p' }), { type: 'basic', username: 'u', password: 'p' });
    assert.equal(authFor(basic, {}), undefined);
    assert.match(profileProblems({ ...basic, username: undefined }).join(' '), /needs a "username"/);
    const key: ConnectionProfile = { ...basic, auth: 'apiKey', username: undefined };
    assert.deepEqual(authFor(key, { apiKey: 'k' }), { type: 'apiKey', apiKey: 'k' });
    assert.equal(authFor(key, { password: 'p' }), undefined);
    assert.deepEqual(authFor({ ...basic, auth: 'none' }, {}), { type: 'none' });
  });

  test('typed URLs are checked with advice', () => {
    assert.equal(urlInputProblem('https://es.example.com:9200'), undefined);
    assert.equal(urlInputProblem('http://localhost:9200/prefix'), undefined);
    assert.match(urlInputProblem('es.example.com:9200') ?? '', /Start the URL with https:\/\//);
    assert.match(urlInputProblem('https://u:p@es.example.com') ?? '', /Leave credentials out/);
    assert.match(urlInputProblem('ftp://es.example.com') ?? '', /https:\/\/ or http:\/\//);
    assert.match(urlInputProblem('https://es.example.com/?x=1') ?? '', /query/);
    assert.match(urlInputProblem('  ') ?? '', /Enter a URL/);
  });

  test('ECE URLs get port 12443 when none is given', () => {
    assert.equal(withDefaultEcePort('https://ece.example.com'), 'https://ece.example.com:12443');
    assert.equal(withDefaultEcePort('https://ece.example.com/'), 'https://ece.example.com:12443');
    assert.equal(withDefaultEcePort('https://ece.example.com:443'), 'https://ece.example.com:443');
    assert.equal(withDefaultEcePort('https://[fd00::1]'), 'https://[fd00::1]:12443');
  });

  test('new ids are derived from the name and unique', () => {
    assert.equal(newProfileId('Prod EU (logs)', []), 'prod-eu-logs');
    assert.equal(newProfileId('Prod EU (logs)', ['prod-eu-logs', 'prod-eu-logs-2']), 'prod-eu-logs-3');
    assert.equal(newProfileId('***', []), 'connection');
  });
});
