/**
 * The "Add Connection" flow as steps over a draft, run by the shared step runner and independent
 * of VS Code: the UI is passed in (quick picks and input boxes in the editor, a script in tests).
 * Back returns to the previous step with the earlier answer filled in; Escape cancels.
 */
import { decodeCloudId } from '../api/cloudId';
import { DEFAULT_CLOUD_API_URL, DEFAULT_ECE_REGION } from '../api/cloud';
import { runSteps, applyAnswer, type FlowStep, type PickItem, type WizardUi } from '../ui/steps';
import {
  AUTH_METHODS,
  KIND_LABELS,
  urlInputProblem,
  withDefaultEcePort,
  type AuthMethod,
  type ConnectionKind,
  type ConnectionProfile,
  type ConnectionSecrets,
} from './profile';

export interface WizardDependencies {
  /** Names already used by saved connections. */
  existingNames: string[];
  /** Problem with a CA file path (missing, unreadable, not PEM), or undefined when usable. */
  checkCaFile(path: string): Promise<string | undefined>;
}

export type NewConnection = { profile: Omit<ConnectionProfile, 'id'>; secrets: ConnectionSecrets };

/** An edited connection; `secrets` is undefined when the user kept the stored API key or password. */
export type EditedConnection = { profile: Omit<ConnectionProfile, 'id'>; secrets: ConnectionSecrets | undefined };

/** What Edit Connection starts from: the saved profile and whether its secret is in SecretStorage (never the secret itself). */
export interface EditStart {
  profile: ConnectionProfile;
  hasSecret: boolean;
}

type Endpoint = 'url' | 'cloudId';
type TlsChoice = 'system' | 'caFile' | 'insecure';

interface Draft {
  kind?: ConnectionKind;
  endpoint?: Endpoint;
  url?: string;
  cloudId?: string;
  region?: string;
  auth?: AuthMethod;
  apiKey?: string;
  username?: string;
  password?: string;
  tls?: TlsChoice;
  caFile?: string;
  tlsServerName?: string;
  name?: string;
  /** Edit only: keep the stored API key or password instead of typing it again. */
  keepSecret?: boolean;
}

const TITLE = 'Add Elastic Connection';
const EDIT_TITLE = 'Edit Elastic Connection';

type StepName =
  | 'kind'
  | 'secret'
  | 'endpoint'
  | 'region'
  | 'auth'
  | 'apiKey'
  | 'username'
  | 'password'
  | 'tls'
  | 'caFile'
  | 'serverName'
  | 'name';
type Step = FlowStep<Draft>;

const TLS_CHOICES: PickItem<TlsChoice>[] = [
  { label: "Use the system's trusted certificates", description: 'public or company-installed CAs', value: 'system' },
  { label: 'Trust a specific CA certificate file…', description: 'e.g. config/certs/http_ca.crt', value: 'caFile' },
  { label: '$(warning) Do not verify the certificate', description: 'insecure: exposes the credentials', value: 'insecure' },
];
const SKIP_TLS_QUESTION = 'Skip TLS certificate verification for this connection?';
const SKIP_TLS_DETAIL =
  'Anyone between VS Code and the server could read and change the traffic, including the API key or password. Use this only on a network you trust, and prefer giving the CA certificate instead.';

/** The steps that apply to the draft as answered so far. */
function stepsFor(draft: Draft, steps: Record<StepName, Step>, edit?: EditStart): Step[] {
  // Editing keeps the kind of endpoint; an Elasticsearch connection may still switch between URL and Cloud ID.
  const names: StepName[] = edit && edit.profile.kind !== 'elasticsearch' ? ['endpoint'] : ['kind', 'endpoint'];
  if (draft.kind === 'ece') names.push('region');
  if (draft.kind && AUTH_METHODS[draft.kind].length > 1) names.push('auth');
  const auth = draft.kind === 'cloud' ? 'apiKey' : draft.auth;
  // The stored secret can be kept when it is of the same kind (same authentication method).
  const canKeep = Boolean(edit?.hasSecret && auth !== 'none' && auth === edit.profile.auth);
  const keep = canKeep && draft.keepSecret !== false;
  if (auth === 'apiKey') names.push(...(canKeep ? (['secret'] as const) : []), ...(keep ? [] : (['apiKey'] as const)));
  if (auth === 'basic')
    names.push('username', ...(canKeep ? (['secret'] as const) : []), ...(keep ? [] : (['password'] as const)));
  if (usesHttps(draft)) {
    names.push('tls');
    if (draft.tls === 'caFile') names.push('caFile', 'serverName');
  }
  names.push('name');
  return names.map((name) => steps[name]);
}

function usesHttps(draft: Draft): boolean {
  if (draft.kind === 'elasticsearch' && draft.endpoint === 'cloudId') return true;
  if (draft.kind === 'cloud' && !draft.url) return true;
  return !draft.url || draft.url.trim().toLowerCase().startsWith('https:');
}

/** Runs the flow; resolves to the new connection, or undefined when the user cancelled. */
export async function runAddConnectionWizard(ui: WizardUi, dependencies: WizardDependencies): Promise<NewConnection | undefined> {
  const draft: Draft = {};
  const steps = wizardSteps(ui, dependencies);
  return (await runSteps(TITLE, draft, (current) => stepsFor(current, steps))) ? toConnection(draft) : undefined;
}

/**
 * "Edit Connection": the same steps, every answer pre-filled from the saved profile (`draft` lets a
 * caller start again from earlier answers, e.g. after a failed test). Secrets are never shown
 * again: when the authentication method stays the same the user can keep the stored one.
 */
export async function runEditConnectionWizard(
  ui: WizardUi,
  dependencies: WizardDependencies,
  start: EditStart,
  previous?: EditedConnection,
): Promise<EditedConnection | undefined> {
  const draft: Draft = draftFrom(previous ? previous.profile : start.profile);
  if (previous?.secrets) {
    draft.keepSecret = false;
    draft.apiKey = previous.secrets.apiKey;
    draft.password = previous.secrets.password;
  }
  const others = dependencies.existingNames.filter((name) => name.toLowerCase() !== start.profile.name.toLowerCase());
  const steps = wizardSteps(ui, { ...dependencies, existingNames: others }, start);
  if (!(await runSteps(EDIT_TITLE, draft, (current) => stepsFor(current, steps, start)))) return undefined;
  const { profile, secrets } = toConnection(draft);
  const auth = profile.auth;
  const keep = Boolean(start.hasSecret && auth !== 'none' && auth === start.profile.auth && draft.keepSecret !== false);
  return {
    profile: {
      ...profile,
      ...(start.profile.timeoutSeconds !== undefined ? { timeoutSeconds: start.profile.timeoutSeconds } : {}),
    },
    secrets: keep ? undefined : secrets,
  };
}

/** The answers a saved profile stands for. */
function draftFrom(profile: Omit<ConnectionProfile, 'id'>): Draft {
  return {
    kind: profile.kind,
    endpoint: profile.kind === 'elasticsearch' && profile.cloudId && !profile.url ? 'cloudId' : 'url',
    url: profile.url,
    cloudId: profile.cloudId,
    region: profile.region,
    auth: profile.auth,
    username: profile.username,
    tls: profile.caFile ? 'caFile' : profile.skipTlsVerify ? 'insecure' : 'system',
    caFile: profile.caFile,
    tlsServerName: profile.tlsServerName,
    name: profile.name,
  };
}

function wizardSteps(ui: WizardUi, dependencies: WizardDependencies, edit?: EditStart): Record<StepName, Step> {
  return {
    secret: {
      id: 'secret',
      run: async (draft, position) => {
        const what = draft.auth === 'basic' ? 'password' : 'API key';
        return applyAnswer(
          await ui.pick<boolean>({
            ...position,
            placeholder: `The ${what} of "${edit?.profile.name}" is in VS Code's secret storage. Keep it?`,
            items: [
              { label: `Keep the current ${what}`, description: 'not shown, not typed again', value: true },
              { label: `Enter a new ${what}…`, value: false },
            ],
            active: draft.keepSecret !== false,
          }),
          (keep) => (draft.keepSecret = keep),
        );
      },
    },
    kind: {
      id: 'kind',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.pick<{ kind: ConnectionKind; endpoint: Endpoint }>({
            ...position,
            placeholder: edit ? 'How is the cluster reached?' : 'What do you want to connect to?',
            items: [
              {
                label: 'Elasticsearch (URL)',
                description: 'https://host:9200',
                value: { kind: 'elasticsearch', endpoint: 'url' },
              },
              {
                label: 'Elasticsearch (Cloud ID)',
                description: 'from an Elastic Cloud deployment page',
                value: { kind: 'elasticsearch', endpoint: 'cloudId' },
              },
              {
                label: KIND_LABELS.cloud,
                description: 'organization API key',
                detail: 'Deployments, trust, keystore and remote clusters on Elastic Cloud',
                value: { kind: 'cloud', endpoint: 'url' },
              },
              {
                label: 'Elastic Cloud Enterprise coordinator',
                description: 'https://host:12443',
                detail: 'Deployments and trust relationships on an ECE installation',
                value: { kind: 'ece', endpoint: 'url' },
              },
            ].filter((item) => !edit || item.value.kind === 'elasticsearch') as PickItem<{
              kind: ConnectionKind;
              endpoint: Endpoint;
            }>[],
            active: draft.kind ? { kind: draft.kind, endpoint: draft.endpoint ?? 'url' } : undefined,
          }),
          (choice) => {
            if (choice.kind !== draft.kind || choice.endpoint !== draft.endpoint) {
              // A different kind of endpoint: earlier answers about the endpoint no longer apply.
              draft.url = undefined;
              draft.cloudId = undefined;
              if (!edit) draft.auth = undefined;
            }
            draft.kind = choice.kind;
            draft.endpoint = choice.endpoint;
          },
        );
      },
    },
    endpoint: {
      id: 'endpoint',
      run: async (draft, position) => {
        if (draft.kind === 'elasticsearch' && draft.endpoint === 'cloudId') {
          return applyAnswer(
            await ui.input({
              ...position,
              prompt: 'Cloud ID of the deployment (Elastic Cloud console → deployment → Cloud ID)',
              placeholder: 'my-deployment:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmMkZGVm',
              value: draft.cloudId,
              validate: (value) => {
                const decoded = decodeCloudId(value);
                return decoded.ok ? undefined : decoded.problem;
              },
            }),
            (value) => (draft.cloudId = value.trim()),
          );
        }
        if (draft.kind === 'cloud') {
          return applyAnswer(
            await ui.input({
              ...position,
              prompt: 'Elastic Cloud API base URL (keep the default unless you use a private or regional endpoint)',
              value: draft.url ?? DEFAULT_CLOUD_API_URL,
              validate: urlInputProblem,
            }),
            (value) => (draft.url = value.trim().replace(/\/+$/, '')),
          );
        }
        if (draft.kind === 'ece') {
          return applyAnswer(
            await ui.input({
              ...position,
              prompt: 'URL of the ECE coordinator (the API listens on port 12443; it is added when you give no port)',
              placeholder: 'https://ece-coordinator.example.com:12443',
              value: draft.url,
              validate: urlInputProblem,
            }),
            (value) => (draft.url = withDefaultEcePort(value)),
          );
        }
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: 'URL of the Elasticsearch HTTP endpoint',
            placeholder: 'https://localhost:9200',
            value: draft.url,
            validate: urlInputProblem,
          }),
          (value) => (draft.url = value.trim().replace(/\/+$/, '')),
        );
      },
    },
    region: {
      id: 'region',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: 'ECE region (platform endpoints are region-scoped; a default installation uses "ece-region")',
            value: draft.region ?? DEFAULT_ECE_REGION,
            validate: (value) =>
              /^[A-Za-z0-9._-]+$/.test(value.trim()) ? undefined : 'Use letters, digits, ".", "_" and "-" only.',
          }),
          (value) => (draft.region = value.trim()),
        );
      },
    },
    auth: {
      id: 'auth',
      run: async (draft, position) => {
        const kind = draft.kind ?? 'elasticsearch';
        const labels: Record<AuthMethod, PickItem<AuthMethod>> = {
          apiKey: {
            label: 'API key',
            description: kind === 'elasticsearch' ? 'encoded value, or id:api_key' : undefined,
            value: 'apiKey',
          },
          basic: { label: 'User name and password', value: 'basic' },
          none: { label: 'No authentication', description: 'only for clusters without security', value: 'none' },
        };
        return applyAnswer(
          await ui.pick<AuthMethod>({
            ...position,
            placeholder: 'How should requests authenticate?',
            items: AUTH_METHODS[kind].map((method) => labels[method]),
            active: draft.auth,
          }),
          (method) => (draft.auth = method),
        );
      },
    },
    apiKey: {
      id: 'apiKey',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.input({
            ...position,
            prompt:
              draft.kind === 'elasticsearch'
                ? 'API key (the "encoded" value, or id:api_key). Stored in VS Code\'s secret storage.'
                : draft.kind === 'cloud'
                  ? "Elastic Cloud organization API key. Stored in VS Code's secret storage."
                  : "ECE API key. Stored in VS Code's secret storage.",
            password: true,
            value: draft.apiKey,
            validate: (value) =>
              value.trim() === ''
                ? 'Enter the API key.'
                : /\s/.test(value.trim())
                  ? 'An API key has no spaces; paste only the key, without "ApiKey ".'
                  : undefined,
          }),
          (value) => (draft.apiKey = value.trim()),
        );
      },
    },
    username: {
      id: 'username',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: 'User name',
            value: draft.username,
            validate: (value) =>
              value.trim() === ''
                ? 'Enter a user name.'
                : value.includes(':')
                  ? 'A user name for basic authentication cannot contain ":".'
                  : undefined,
          }),
          (value) => (draft.username = value.trim()),
        );
      },
    },
    password: {
      id: 'password',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: "Password. Stored in VS Code's secret storage.",
            password: true,
            value: draft.password,
            validate: (value) => (value === '' ? 'Enter the password.' : undefined),
          }),
          (value) => (draft.password = value),
        );
      },
    },
    tls: {
      id: 'tls',
      run: async (draft, position) => {
        for (;;) {
          const choice = await ui.pick<TlsChoice>({
            ...position,
            placeholder: "How should the server's TLS certificate be checked?",
            items: TLS_CHOICES,
            active: draft.tls,
          });
          // Declining the confirmation asks the question again.
          if (choice === 'insecure' && !(await ui.confirm(SKIP_TLS_QUESTION, SKIP_TLS_DETAIL, 'Skip Verification'))) continue;
          return applyAnswer(choice, (value) => (draft.tls = value));
        }
      },
    },
    caFile: {
      id: 'caFile',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: 'Path of the CA certificate file (PEM)',
            placeholder: '/path/to/http_ca.crt',
            value: draft.caFile,
            validate: (value) =>
              value.trim() === '' ? 'Enter the path of the CA certificate.' : dependencies.checkCaFile(value.trim()),
          }),
          (value) => (draft.caFile = value.trim()),
        );
      },
    },
    serverName: {
      id: 'serverName',
      run: async (draft, position) => {
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: "TLS server name, if the certificate is issued for another name than the URL's host (leave empty otherwise)",
            placeholder: 'es.example.internal',
            value: draft.tlsServerName,
            validate: (value) =>
              value.trim() === '' || /^[A-Za-z0-9.-]+$/.test(value.trim())
                ? undefined
                : 'A server name is a host name: letters, digits, "." and "-".',
          }),
          (value) => (draft.tlsServerName = value.trim() || undefined),
        );
      },
    },
    name: {
      id: 'name',
      run: async (draft, position) => {
        const taken = new Set(dependencies.existingNames.map((name) => name.toLowerCase()));
        return applyAnswer(
          await ui.input({
            ...position,
            prompt: 'A name for this connection',
            value: draft.name ?? suggestName(draft, taken),
            validate: (value) =>
              value.trim() === ''
                ? 'Enter a name.'
                : taken.has(value.trim().toLowerCase())
                  ? 'A connection with this name exists already.'
                  : undefined,
          }),
          (value) => (draft.name = value.trim()),
        );
      },
    },
  };
}

function suggestName(draft: Draft, taken: Set<string>): string {
  let base = KIND_LABELS[draft.kind ?? 'elasticsearch'];
  if (draft.kind === 'elasticsearch' && draft.endpoint === 'cloudId' && draft.cloudId) {
    const decoded = decodeCloudId(draft.cloudId);
    if (decoded.ok && decoded.value.label) base = decoded.value.label;
  } else if (draft.url && draft.kind !== 'cloud') {
    try {
      base = new URL(draft.url).hostname;
    } catch {
      // keep the kind label
    }
  } else if (draft.kind === 'cloud') {
    base = 'Elastic Cloud';
  }
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  return name;
}

function toConnection(draft: Draft): NewConnection {
  const kind = draft.kind ?? 'elasticsearch';
  const auth: AuthMethod = kind === 'cloud' ? 'apiKey' : (draft.auth ?? 'none');
  const https = usesHttps(draft);
  const profile: Omit<ConnectionProfile, 'id'> = {
    name: draft.name ?? KIND_LABELS[kind],
    kind,
    auth,
    ...(kind === 'elasticsearch' && draft.endpoint === 'cloudId' ? { cloudId: draft.cloudId } : { url: draft.url }),
    ...(kind === 'ece' ? { region: draft.region ?? DEFAULT_ECE_REGION } : {}),
    ...(auth === 'basic' ? { username: draft.username } : {}),
    ...(https && draft.tls === 'caFile'
      ? { caFile: draft.caFile, ...(draft.tlsServerName ? { tlsServerName: draft.tlsServerName } : {}) }
      : {}),
    ...(https && draft.tls === 'insecure' ? { skipTlsVerify: true } : {}),
  };
  const secrets: ConnectionSecrets =
    auth === 'apiKey' ? { apiKey: draft.apiKey } : auth === 'basic' ? { password: draft.password } : {};
  return { profile, secrets };
}
