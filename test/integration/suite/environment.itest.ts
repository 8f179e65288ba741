import assert from 'node:assert/strict';
import type { IntegrationTest } from './index';
import { emulatorEndpoints } from './support';

export const tests: IntegrationTest[] = [
  {
    name: 'the extension host can reach the API emulator the harness started',
    fn: async () => {
      const endpoints = emulatorEndpoints();
      assert.ok(endpoints, 'ERC_EMULATOR reaches the extension host');
      const { url } = endpoints.clusters.local;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/`, {
        headers: { authorization: `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}` },
      });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { version?: { number?: string } };
      assert.equal(body.version?.number, '8.15.0');
    },
  },
];
