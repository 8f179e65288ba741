/**
 * The peer a user would otherwise run on an ECK manifest: yaml-language-server (Red Hat's YAML
 * server, the engine of the YAML extension) with a JSON schema of the ECK fields this project
 * models. Both servers run at once, get the same file and the same edits over stdio from the same
 * client (stdioClient.ts), and take turns on each version (sideBySide.ts), so machine load weighs
 * on both alike; the time from each edit to that version's diagnostics is compared per turn.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CRD_FIELDS, type CrdField } from '../../server/src/core/eck/fields';
import { median, ratioSpread, spread } from './inputs';
import { ourServer } from './jsonMemory';
import { mib } from './procStats';
import { pairedRatios, sideBySide } from './sideBySide';
import { StdioClient } from './stdioClient';
import { VSCODE_CLIENT_CAPABILITIES } from './vscodeJson';

const YAML_LANGUAGE_SERVER = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'node_modules',
  'yaml-language-server',
  'bin',
  'yaml-language-server',
);

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: readonly string[];
};

const SCHEMA_TYPES: Record<CrdField['type'], string | string[] | undefined> = {
  object: 'object',
  list: 'array',
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  'int-or-string': ['integer', 'string'],
  'free-form': undefined,
};

/** A JSON schema of the Elasticsearch resource built from the fields the project models (core/eck/fields.ts). */
export function eckSchema(): JsonSchema {
  const root: JsonSchema = { type: 'object', properties: {} };
  for (const field of CRD_FIELDS) {
    let node = root;
    const segments = field.path.split('.');
    segments.forEach((segment, index) => {
      const list = segment.endsWith('[]');
      const name = list ? segment.slice(0, -2) : segment;
      node.properties ??= {};
      node.type ??= 'object';
      let child = node.properties[name];
      if (!child) {
        child = {};
        node.properties[name] = child;
      }
      if (list) {
        child.type = 'array';
        child.items ??= { type: 'object', properties: {} };
      }
      if (index === segments.length - 1 && !list) {
        const type = SCHEMA_TYPES[field.type];
        if (type) child.type = type;
        child.description = field.summary;
        if (field.values) child.enum = field.values;
        if (field.required) (node.required ??= []).push(name);
      }
      node = list ? (child.items as JsonSchema) : child;
    });
  }
  return root;
}

/** Prints this server's and yaml-language-server's open and edit → diagnostics times on the same manifest, paired per edit. */
export async function compareWithYamlLanguageServer(text: string, edits: number, serverPath?: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'erc-bench-peer-'));
  try {
    const schemaFile = join(scratch, 'eck-elasticsearch.schema.json');
    writeFileSync(schemaFile, JSON.stringify(eckSchema()));
    const uri = pathToFileURL(join(scratch, 'manifest.yaml')).href;
    const yamlSettings = {
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      schemas: { [pathToFileURL(schemaFile).href]: ['*.yaml'] },
    };
    // Only diagnostics are compared here: neither server gets the editor's per-version requests.
    const theirs = new StdioClient({
      name: 'yaml-language-server',
      command: [YAML_LANGUAGE_SERVER, '--stdio'],
      capabilities: VSCODE_CLIENT_CAPABILITIES,
      settings: { yaml: yamlSettings },
      configuration: (section) => (section === 'yaml' ? yamlSettings : section === 'editor' ? { tabSize: 2 } : null),
    });
    const ours = new StdioClient({ ...ourServer(serverPath), perVersion: undefined });
    const clients = [ours, theirs];
    let run;
    try {
      for (const client of clients) await client.initialize();
      run = await sideBySide(clients, { uri, languageId: 'yaml', text }, edits);
    } finally {
      await Promise.all(clients.map((client) => client.stop()));
    }
    const [mine, their] = run.edits;
    const peaks = run.peaks;

    console.log(
      `\n## side by side with yaml-language-server 1.25 (ECK schema of ${CRD_FIELDS.length} modelled fields), ${text.split('\n').length}-line ECK manifest, turns of ${edits} edits`,
    );
    console.log(`  ${'server'.padEnd(24)} ${'open → diagnostics'.padEnd(20)} ${'edit → diagnostics'.padEnd(24)} peak memory`);
    console.log(
      `  ${'this extension'.padEnd(24)} ${`${run.open[0].toFixed(0)} ms`.padEnd(20)} ${spread(mine, 0).padEnd(24)} ${mib(peaks[0])}`,
    );
    console.log(
      `  ${'yaml-language-server'.padEnd(24)} ${`${run.open[1].toFixed(0)} ms`.padEnd(20)} ${spread(their, 0).padEnd(24)} ${mib(peaks[1])}`,
    );
    const factors = pairedRatios(their, mine);
    console.log(
      `  edit → diagnostics, paired per edit: ${ratioSpread(factors)} faster than yaml-language-server; target ≥ 5×: ${median(factors) >= 5 ? 'met' : 'MISSED'}`,
    );
    if (run.editCpu) {
      const [mineCpu, theirCpu] = run.editCpu;
      console.log(
        `  main-thread CPU per edit: this extension ${spread(mineCpu, 0)}, yaml-language-server ${spread(theirCpu, 0)}; paired ${ratioSpread(pairedRatios(theirCpu, mineCpu))}`,
      );
    }
    if (run.editProcessCpu) {
      const [mineProcess, theirProcess] = run.editProcessCpu;
      console.log(
        `  whole-process CPU per edit (all threads, mean): this extension ${mineProcess.toFixed(0)} ms, yaml-language-server ${theirProcess.toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
