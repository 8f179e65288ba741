/** The benchmark's inputs and statistics, shared by the protocol benchmark and the in-process profile. */
import { parseTree } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { largeClusterSettingsBody, largeEckManifest, largeElasticsearchYml } from './generate';

export interface BenchInput {
  /** Short name for BENCH_INPUTS / the profile's argument. */
  key: 'yml' | 'eck' | 'json';
  name: string;
  uri: string;
  languageId: string;
  text: string;
  /** The raw parse of the same text: the floor the analysis is compared with. */
  parse: (text: string) => unknown;
}

export function benchInputs(): BenchInput[] {
  return [
    {
      key: 'yml',
      name: 'elasticsearch.yml, 600 remotes',
      uri: 'file:///bench/config/elasticsearch.yml',
      languageId: 'yaml',
      text: largeElasticsearchYml(600),
      parse: (text) => parseAllDocuments(text),
    },
    {
      key: 'eck',
      name: 'ECK manifest, multi-document',
      uri: 'file:///bench/k8s/clusters.yaml',
      languageId: 'yaml',
      text: largeEckManifest(20000),
      parse: (text) => parseAllDocuments(text),
    },
    {
      key: 'json',
      name: '_cluster/settings body, 3000 remotes',
      uri: 'file:///bench/requests/cluster-settings.json',
      languageId: 'json',
      text: largeClusterSettingsBody(3000),
      parse: (text) => parseTree(text),
    },
  ];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `median (min–max)` of a list of milliseconds: every figure is given with its spread. */
export function spread(values: number[], digits = 1): string {
  return `${median(values).toFixed(digits)} ms (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

/** `median× (min–max)` of a list of paired ratios. */
export function ratioSpread(ratios: number[]): string {
  return `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}
