/**
 * Shared helpers for the flow tests (not a test file itself): a scripted FlowUi that plays answers
 * like a person at the keyboard and records everything it was shown, and a FlowContext whose
 * connections point at the API emulator, with a virtual clock so connection timeouts pass at once.
 */
import { ApiError } from '../../../../client/src/api/errors';
import { SecretRedactor } from '../../../../client/src/api/redact';
import { createClients } from '../../../../client/src/connections/clients';
import type { ConnectionProfile, ConnectionSecrets } from '../../../../client/src/connections/profile';
import type { FlowContext, OpenYamlDocument } from '../../../../client/src/flows/context';
import type { FlowUi, NoticeKind, NoticeOptions } from '../../../../client/src/flows/ui';
import { BACK, PICK_TEXT_LIMITS, type Back, type PickItem, type StepPosition } from '../../../../client/src/ui/steps';
import type { TextEdit } from '../../../../server/src/core/types';
import { RecordingLogger } from '../support';

/** One scripted answer to a pick or input. A function answers from what the UI has seen so far. */
export type Answer =
  | typeof CONNECTION_DEFAULTS
  | { pick: RegExp }
  | { pickMany: RegExp[] }
  | { type: string }
  | 'back'
  | 'cancel'
  | ((ui: ScriptedFlowUi) => Answer | Promise<Answer>);

/**
 * Add Remote Cluster's connection options left as they are: proxy mode where sniff is offered, the
 * default connection count, skip_unavailable unset. Answers every option step that comes next
 * (one to four, depending on the platform) and none when no option step comes.
 */
export const CONNECTION_DEFAULTS = { connectionDefaults: true } as const;
const OPTION_PICK = /^(How should ".*" connect to |skip_unavailable: )/;
const OPTION_INPUT = /^(node_connections|proxy_socket_connections): /;

/** Answers to modal questions and notifications, matched against the message in order. */
export interface Reply<T> {
  match: RegExp;
  answer: T | ((ui: ScriptedFlowUi) => T | Promise<T>);
}

export interface Shown {
  kind: 'pick' | 'pickMany' | 'input';
  title: string;
  step: number;
  totalSteps?: number;
  canGoBack: boolean;
  text: string;
  value?: string;
  password?: boolean;
  labels?: string[];
  active?: string;
  rejected: string[];
}

export interface Notice {
  kind: NoticeKind;
  message: string;
  actions: string[];
  detail?: string;
  modal: boolean;
  answer?: string;
}

export class ScriptedFlowUi implements FlowUi {
  readonly shown: Shown[] = [];
  readonly notices: Notice[] = [];
  readonly confirmations: Array<{ message: string; detail: string; answer: boolean }> = [];
  readonly clipboard: string[] = [];
  /** Read-only documents the flow showed, by title. */
  readonly opened: Array<{ title: string; content: string }> = [];
  readonly progressTitles: string[] = [];

  private readonly answers: Answer[];
  private readonly options: { confirm: Array<Reply<boolean>>; notify: Array<Reply<string | undefined>> };

  constructor(answers: Answer[], options: { confirm?: Array<Reply<boolean>>; notify?: Array<Reply<string | undefined>> } = {}) {
    // Copies: a script is consumed as it plays, and tests reuse answer lists.
    this.answers = [...answers];
    this.options = { confirm: [...(options.confirm ?? [])], notify: [...(options.notify ?? [])] };
  }

  /** Everything the user could see, as one text, for "the secret is not there" checks. */
  visibleText(): string {
    return JSON.stringify({
      shown: this.shown,
      notices: this.notices,
      confirmations: this.confirmations,
      progress: this.progressTitles,
    });
  }

  get remainingAnswers(): number {
    return this.answers.length;
  }

  /** Whether CONNECTION_DEFAULTS answers this step; it is used up by the first step that is no option. */
  private defaultsFor(isOption: boolean): boolean {
    if (this.answers[0] !== CONNECTION_DEFAULTS) return false;
    if (isOption) return true;
    this.answers.shift();
    return false;
  }

  private async next(context: string): Promise<Exclude<Answer, (ui: ScriptedFlowUi) => unknown>> {
    let answer = this.answers.shift();
    if (answer === undefined) throw new Error(`the script ran out at: ${context}`);
    while (typeof answer === 'function') answer = await answer(this);
    if (answer === CONNECTION_DEFAULTS) return this.next(context);
    return answer;
  }

  async pick<T>(
    options: StepPosition & { placeholder: string; items: PickItem<T>[]; active?: T },
  ): Promise<T | Back | undefined> {
    assertPickTextFits(options.items);
    const active = options.items.find((item) => JSON.stringify(item.value) === JSON.stringify(options.active));
    this.shown.push({
      kind: 'pick',
      ...position(options),
      text: options.placeholder,
      labels: options.items.map((item) => item.label),
      active: active?.label,
      rejected: [],
    });
    if (this.defaultsFor(OPTION_PICK.test(options.placeholder))) {
      const item = options.items.find((candidate) => /^(Proxy mode|Leave unset)/.test(candidate.label));
      if (item) return item.value;
    }
    const answer = await this.next(`pick "${options.placeholder}" [${options.items.map((item) => item.label).join(' | ')}]`);
    if (answer === 'back') return BACK;
    if (answer === 'cancel') return undefined;
    if (!('pick' in answer))
      throw new Error(`expected a pick answer for "${options.placeholder}", got ${JSON.stringify(answer)}`);
    const item = options.items.find((candidate) => answer.pick.test(candidate.label));
    if (!item) throw new Error(`no item matches ${answer.pick} in ${options.items.map((i) => i.label).join(' | ')}`);
    return item.value;
  }

  async pickMany<T>(
    options: StepPosition & { placeholder: string; items: PickItem<T>[]; selected?: T[] },
  ): Promise<T[] | Back | undefined> {
    assertPickTextFits(options.items);
    this.shown.push({
      kind: 'pickMany',
      ...position(options),
      text: options.placeholder,
      labels: options.items.map((item) => item.label),
      rejected: [],
    });
    const answer = await this.next(`pickMany "${options.placeholder}"`);
    if (answer === 'back') return BACK;
    if (answer === 'cancel') return undefined;
    if (!('pickMany' in answer)) throw new Error(`expected a pickMany answer for "${options.placeholder}"`);
    return options.items.filter((item) => answer.pickMany.some((pattern) => pattern.test(item.label))).map((item) => item.value);
  }

  async input(
    options: StepPosition & {
      prompt: string;
      value?: string;
      password?: boolean;
      validate(value: string): string | undefined | Promise<string | undefined>;
    },
  ): Promise<string | Back | undefined> {
    const shown: Shown = {
      kind: 'input',
      ...position(options),
      text: options.prompt,
      value: options.value,
      password: options.password,
      rejected: [],
    };
    this.shown.push(shown);
    if (this.defaultsFor(OPTION_INPUT.test(options.prompt))) return '';
    for (;;) {
      const answer = await this.next(`input "${options.prompt}"`);
      if (answer === 'back') return BACK;
      if (answer === 'cancel') return undefined;
      if (!('type' in answer)) throw new Error(`expected a typed answer for "${options.prompt}", got ${JSON.stringify(answer)}`);
      const problem = await options.validate(answer.type);
      if (!problem) return answer.type;
      // As in VS Code, a value with a validation message cannot be accepted: the person types again.
      shown.rejected.push(problem);
    }
  }

  async confirm(message: string, detail: string): Promise<boolean> {
    const rules = this.options.confirm;
    const index = rules.findIndex((rule) => rule.match.test(message));
    if (index < 0) throw new Error(`unexpected confirmation: "${message}"\n${detail}`);
    const [rule] = rules.splice(index, 1);
    const answer = typeof rule.answer === 'function' ? await rule.answer(this) : rule.answer;
    this.confirmations.push({ message, detail, answer });
    return answer;
  }

  async notify(
    kind: NoticeKind,
    message: string,
    actions: string[] = [],
    options: NoticeOptions = {},
  ): Promise<string | undefined> {
    const notice: Notice = { kind, message, actions, detail: options.detail, modal: options.modal ?? false };
    this.notices.push(notice);
    const rules = this.options.notify;
    const index = rules.findIndex((rule) => rule.match.test(message));
    if (index < 0) return undefined;
    const [rule] = rules.splice(index, 1);
    const answer = typeof rule.answer === 'function' ? await rule.answer(this) : rule.answer;
    if (answer !== undefined && !actions.includes(answer))
      throw new Error(`"${answer}" is not a button of "${message}" (${actions.join(', ')})`);
    notice.answer = answer;
    return answer;
  }

  async progress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
    this.progressTitles.push(title);
    return task(() => undefined);
  }

  async copyToClipboard(text: string): Promise<void> {
    this.clipboard.push(text);
  }

  async openReadOnly(title: string, content: string): Promise<void> {
    this.opened.push({ title, content });
  }

  /** Files the flow saved, by suggested name; "saved" to a path under /virtual/. */
  readonly saved: Array<{ name: string; content: string }> = [];

  async saveText(suggestedName: string, content: string): Promise<string | undefined> {
    this.saved.push({ name: suggestedName, content });
    return `/virtual/${suggestedName}`;
  }
}

/** Every pick a scripted run shows is checked: text VS Code would cut off fails the test that showed it. */
function assertPickTextFits(items: Array<PickItem<unknown>>): void {
  for (const item of items) {
    for (const field of ['description', 'detail'] as const) {
      const text = item[field];
      if (text !== undefined && text.length > PICK_TEXT_LIMITS[field]) {
        throw new Error(
          `the ${field} of pick item "${item.label}" has ${text.length} characters (at most ${PICK_TEXT_LIMITS[field]} fit): ${text}`,
        );
      }
    }
  }
}

function position(options: StepPosition): Pick<Shown, 'title' | 'step' | 'totalSteps' | 'canGoBack'> {
  return { title: options.title, step: options.step, totalSteps: options.totalSteps, canGoBack: options.canGoBack };
}

export interface SavedConnection {
  profile: ConnectionProfile;
  secrets: ConnectionSecrets;
}

export function esConnection(id: string, url: string, username = 'elastic', password = 'changeme'): SavedConnection {
  return { profile: { id, name: id, kind: 'elasticsearch', url, auth: 'basic', username }, secrets: { password } };
}

export function cloudConnection(id: string, url: string, apiKey: string, kind: 'cloud' | 'ece' = 'cloud'): SavedConnection {
  return { profile: { id, name: id, kind, url, auth: 'apiKey' }, secrets: { apiKey } };
}

export interface TestContext extends FlowContext {
  ui: ScriptedFlowUi;
  logger: RecordingLogger;
  logLines: string[];
  refreshes: number;
  documents: OpenYamlDocument[];
  /** Virtual milliseconds that passed in sleeps. */
  slept: number;
}

/** A FlowContext over the emulator: real API clients, a virtual clock, in-memory manifests. */
export function testContext(
  ui: ScriptedFlowUi,
  saved: SavedConnection[],
  options: { connectTimeoutMs?: number; documents?: OpenYamlDocument[] } = {},
): TestContext {
  const logger = new RecordingLogger();
  const redactor = new SecretRedactor();
  let clock = 0;
  const context: TestContext = {
    ui,
    logger,
    logLines: [],
    refreshes: 0,
    slept: 0,
    documents: options.documents ?? [],
    connections: {
      list: () => saved.map((entry) => entry.profile),
      open: async (profile) => {
        const entry = saved.find((candidate) => candidate.profile.id === profile.id);
        if (!entry) throw new ApiError('configuration', `no connection ${profile.id}`);
        return createClients(entry.profile, entry.secrets, { logger, redactor });
      },
    },
    log: {
      info: (message) => context.logLines.push(`info: ${message}`),
      error: (message) => context.logLines.push(`error: ${message}`),
    },
    timing: {
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      pollIntervalMs: 1000,
      sleep: async (ms) => {
        clock += ms;
        context.slept += ms;
      },
      now: () => clock,
    },
    manifests: {
      openYamlDocuments: () => context.documents,
      applyEdits: async (uri: string, edits: TextEdit[]) => {
        const document = context.documents.find((candidate) => candidate.uri === uri);
        if (!document) return false;
        let text = document.text;
        for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start))
          text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
        document.text = text;
        return true;
      },
    },
    refreshViews: async () => {
      context.refreshes++;
    },
  };
  return context;
}

/** Everything that left the flow towards a person or a log, for secret checks. */
export function everythingShown(context: TestContext, result: unknown): string {
  return [context.ui.visibleText(), context.logLines.join('\n'), context.logger.text(), JSON.stringify(result)].join('\n');
}

/** The remote cluster server of the emulated "remote" cluster (API-key model). */
export const REMOTE_SERVER = 'remote.emulated.local:9443';

/** Add Remote Cluster answers up to the alias: API-key model, self-managed "local", connection "remote", its address. */
export function selfManagedApiKeyStart(
  address: Answer[] = [{ pick: /Enter the address/ }, { type: REMOTE_SERVER }, CONNECTION_DEFAULTS, { type: '' }],
): Answer[] {
  return [
    { pick: /^API key/ },
    { pick: /^local$/ },
    { pick: /^Self-managed/ },
    { pick: /^remote$/ },
    ...address,
    CONNECTION_DEFAULTS,
  ];
}
