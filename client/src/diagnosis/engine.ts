/**
 * Runs the checks for one alias and renders the report. Checks run one after another (they share
 * memoised API answers, and a cluster in trouble should not get a burst of requests); a check that
 * throws is reported as not checked, never as a crash.
 */
import { errorText } from '../errorText';
import { CHECKS } from './checks';
import { DiagnosisContext, type Check, type CheckResult, type CheckSection, type DiagnosisInputs } from './checkContext';

export interface CheckOutcome extends CheckResult {
  id: string;
  title: string;
  section: CheckSection;
}

export interface DiagnosisReport {
  alias: string;
  localConnectionName: string;
  remoteConnectionName?: string;
  startedAt: string;
  outcomes: CheckOutcome[];
}

export type Verdict = 'passed' | 'warning' | 'failed';

export async function runDiagnosis(inputs: DiagnosisInputs, checks: readonly Check[] = CHECKS): Promise<DiagnosisReport> {
  const context = new DiagnosisContext(inputs);
  const startedAt = new Date(context.now()).toISOString();
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    let result: CheckResult;
    try {
      result = await check.run(context);
    } catch (error) {
      result = { status: 'not-checked', evidence: [`The check could not run: ${errorText(error)}`] };
    }
    outcomes.push({ id: check.id, title: check.title, section: check.section, ...result });
  }
  return {
    alias: inputs.alias,
    localConnectionName: inputs.localConnectionName,
    remoteConnectionName: inputs.remote?.connectionName,
    startedAt,
    outcomes,
  };
}

export function verdictOf(report: DiagnosisReport): Verdict {
  if (report.outcomes.some((outcome) => outcome.status === 'failed')) return 'failed';
  if (report.outcomes.some((outcome) => outcome.status === 'warning')) return 'warning';
  return 'passed';
}

/** One line for tooltips and notifications: the verdict and the first failures' titles. */
export function summarize(report: DiagnosisReport): string {
  const failed = report.outcomes.filter((outcome) => outcome.status === 'failed');
  const warned = report.outcomes.filter((outcome) => outcome.status === 'warning');
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  if (failed.length) return `${count(failed.length, 'failed check')}: ${failed.map((outcome) => outcome.title).join('; ')}`;
  if (warned.length)
    return `No failures; ${count(warned.length, 'warning')}: ${warned.map((outcome) => outcome.title).join('; ')}`;
  return 'All checks that could run passed.';
}

const SECTION_TITLES: Record<CheckSection, string> = {
  local: "The local cluster's view",
  network: 'The network, from this machine',
  credentials: 'Credentials (on the remote cluster)',
  versions: 'Versions',
};

const STATUS_LABELS = {
  passed: '✅ passed',
  failed: '❌ failed',
  warning: '⚠️ warning',
  'not-checked': '➖ not checked',
} as const;

/** Markdown; inline text from clusters is kept in code spans or escaped so it cannot inject markup. */
export function renderReport(report: DiagnosisReport): string {
  const lines = [
    `# Diagnosis of remote cluster \`${plain(report.alias)}\``,
    '',
    `Local connection: **${escapeMarkdown(report.localConnectionName)}**${report.remoteConnectionName ? ` · remote connection: **${escapeMarkdown(report.remoteConnectionName)}**` : ''} · ${report.startedAt}`,
    '',
    `**Result:** ${escapeMarkdown(summarize(report))}`,
    '',
  ];
  for (const section of Object.keys(SECTION_TITLES) as CheckSection[]) {
    const outcomes = report.outcomes.filter((outcome) => outcome.section === section);
    if (outcomes.length === 0) continue;
    lines.push(`## ${SECTION_TITLES[section]}`, '');
    for (const outcome of outcomes) {
      lines.push(`### ${STATUS_LABELS[outcome.status]} — ${outcome.title}`, '');
      for (const line of outcome.evidence) lines.push(`- ${escapeMarkdown(line)}`);
      if (outcome.fix && outcome.status !== 'passed') lines.push('', `**Fix:** ${escapeMarkdown(outcome.fix)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

function plain(text: string): string {
  return text.replace(/[`\n\r]/g, '');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}
