/**
 * Runs the emulator from the command line, for trying the extension by hand or from other tests:
 *
 *   node out/test/emulator/cli.js [--config emulator.json] [--tls trusted|unknown-ca|self-signed] [--port 9200]
 *
 * Without --config it starts two self-managed clusters ("local" and "remote", user elastic /
 * changeme) and an Elastic Cloud API (API key "emulator-cloud-key") with no deployments; a config
 * file (EmulatorOptions as JSON) can add deployments, users, keys and roles. --port gives the
 * first server that port and the next servers the following ones. Prints the endpoints as JSON on
 * one line, then runs until interrupted.
 */
import { readFileSync } from 'node:fs';
import { startEmulator, type EmulatorOptions, type TlsMode } from './index';

const DEFAULT_OPTIONS: EmulatorOptions = {
  clusters: [{ name: 'local' }, { name: 'remote' }],
  cloud: {
    apiKeys: ['emulator-cloud-key'],
    deployments: [],
  },
};

function parseArgs(argv: string[]): { options: EmulatorOptions; port?: number } {
  let options: EmulatorOptions = structuredClone(DEFAULT_OPTIONS);
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--config') options = JSON.parse(readFileSync(value(), 'utf8')) as EmulatorOptions;
    else if (arg === '--tls') {
      const mode = value();
      if (!['trusted', 'unknown-ca', 'self-signed'].includes(mode))
        throw new Error(`--tls must be trusted, unknown-ca or self-signed, not ${mode}`);
      options.tls = mode as TlsMode;
    } else if (arg === '--port') {
      port = Number(value());
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error('--port must be a port number');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: node out/test/emulator/cli.js [--config emulator.json] [--tls trusted|unknown-ca|self-signed] [--port N]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { options, port };
}

async function main(): Promise<void> {
  const { options, port } = parseArgs(process.argv.slice(2));
  const clusters = options.clusters ?? [{ name: 'local' }];
  if (port !== undefined) {
    clusters.forEach((cluster, index) => (cluster.port = port + index));
    if (options.cloud) options.cloud.port = port + clusters.length;
  }
  const emulator = await startEmulator({ ...options, clusters });
  const summary = {
    clusters: Object.fromEntries(clusters.map((cluster) => [cluster.name, emulator.clusterUrl(cluster.name)])),
    cloud: emulator.cloudUrl,
    caFile: options.tls ? emulator.caFile : undefined,
    deployments: [...emulator.state.cloud.deployments.values()].map((deployment) => ({
      id: deployment.id,
      name: deployment.name,
      cluster: deployment.cluster.name,
    })),
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
