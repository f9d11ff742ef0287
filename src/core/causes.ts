// The causes catalogue: for each cause id a severity, a title, an explanation and ordered fix
// steps, per tool where the tools differ. Strings are built on each call so the active locale applies.
import {
  TOOL_IDS,
  type Cause, type CauseId, type FixStep, type HostId, type KeyFinding, type KeyKind, type ModelVerdict,
  type PinSuggestion, type Severity, type ToolId,
} from './diagnosis';
import { t } from './l10n';
import { HOST_NAMES } from './labels';
import {
  CONSOLE_API_KEYS_URL, CONSOLE_URL, CONSOLE_CODESTRAL_URL, DOCS_MODELS_URL, DOCS_RATE_LIMITS_URL, NODE_EXTRA_CA_CERTS_DOCS_URL,
  STATUS_URL, VSCODE_NETWORK_DOCS_URL,
} from './links';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from './defaults';
import { suggestPin } from './models';

/** What classify learnt that the wording needs; every field is optional so the bare catalogue can be shown. */
export interface CauseContext {
  /** The host the cause is about. */
  host?: HostId | null;
  /** A host that accepts the key while `host` does not: the fix can move there. */
  workingHost?: HostId | null;
  status?: number | null;
  detail?: string | null;
  retryAfterSeconds?: number | null;
  findings?: KeyFinding[];
  /** False when the key was not sent at all. */
  keySent?: boolean;
  fingerprint?: string;
  keyAgeMs?: number | null;
  keyKind?: KeyKind;
  model?: ModelVerdict | null;
  /** The dated model the fix steps pin to. */
  pin?: PinSuggestion | null;
  /** Hosts that gave no verdict, named in the explanation. */
  unanswered?: HostId[];
  now?: Date;
}

export const SEVERITY_BY_CAUSE: Record<CauseId, Severity> = {
  'ok': 'ok',
  'codestral-key-on-api-host': 'error',
  'console-key-on-codestral-host': 'error',
  'key-malformed': 'error',
  'key-not-yet-active': 'warning',
  'key-rejected': 'error',
  'rate-limited': 'warning',
  'forbidden': 'error',
  'model-unavailable': 'warning',
  'host-unreachable': 'error',
  'tls-intercepted': 'error',
  'service-error': 'warning',
  'unexpected-response': 'warning',
};

/** About five minutes in Mistral's words; a check this soon after creation may see a 401. */
export const KEY_ACTIVATION_MS = 5 * 60_000;

interface Entry {
  title: string;
  explanation: string;
  steps: (tool: ToolId) => FixStep[];
}

export function describeCause(id: CauseId, ctx: CauseContext = {}): Cause {
  const entry = ENTRIES[id](ctx);
  const fix = entry.steps('other');
  const fixByTool: Cause['fixByTool'] = {};
  for (const tool of TOOL_IDS) {
    if (tool === 'other') continue;
    const steps = entry.steps(tool);
    if (JSON.stringify(steps) !== JSON.stringify(fix)) fixByTool[tool] = steps;
  }
  return { id, severity: SEVERITY_BY_CAUSE[id], title: entry.title, explanation: entry.explanation, fix, fixByTool };
}

/** The steps for `tool`, or the generic ones when the tool needs nothing different. */
export function fixStepsFor(cause: Cause, tool: ToolId | null | undefined): FixStep[] {
  return (tool && cause.fixByTool[tool]) || cause.fix;
}

const ENTRIES: Record<CauseId, (ctx: CauseContext) => Entry> = {
  'ok': (ctx) => {
    const cleaned = (ctx.findings ?? []).length > 0;
    const pin = ctx.model?.suggestion ?? null;
    return {
      title: okTitle(ctx.keyKind),
      explanation: sentences(
        okExplanation(ctx.keyKind),
        cleaned && t('The key as given had stray characters (see the findings); it works once they are removed, so make sure your tool holds the cleaned key.'),
        unansweredNote(ctx.unanswered),
      ),
      steps: (tool) => [
        ...(cleaned ? [copyAgainStep(), keyStep(tool)] : []),
        ...(pin ? [pinStep(tool, pin, ctx.model?.state === 'alias')] : []),
      ],
    };
  },

  'codestral-key-on-api-host': (ctx) => ({
    title: t('A Codestral key was sent to api.mistral.ai'),
    explanation: t('codestral.mistral.ai accepts this key, but api.mistral.ai answers 401: keys made on the console Codestral page work only on the Codestral host, and your tool sends this one to api.mistral.ai.'),
    steps: (tool) => {
      const pin = pinId(ctx);
      const codestralRoute = codestralHostStep(tool, pin);
      if (tool === 'roo' || tool === 'continue' || tool === 'litellm') {
        return [codestralRoute, step(t('Or, to use every Mistral model with one key, switch to a general key:')), ...seedRecipe(tool, pin)];
      }
      const recipe = seedRecipe(tool, pin);
      return tool === 'other' ? [...recipe, step(t('Or keep this key and point your tool at the Codestral host:')), codestralRoute] : [codestralRoute, ...recipe];
    },
  }),

  'console-key-on-codestral-host': (ctx) => ({
    title: t('A general key was sent to codestral.mistral.ai'),
    explanation: t('api.mistral.ai accepts this key, but codestral.mistral.ai answers 401: the Codestral host takes only keys from the console Codestral page. Codestral models are served on api.mistral.ai too, so the simplest fix is to send this key there.'),
    steps: (tool) => [
      apiHostStep(tool, pinId(ctx)),
      modelStep(tool, pinId(ctx)),
      step(t('Or keep the Codestral host: create a Codestral key on the console Codestral page and use that key instead.'), CONSOLE_CODESTRAL_URL, t('Open Codestral page')),
    ],
  }),

  'key-malformed': (ctx) => {
    const findings = ctx.findings ?? [];
    const masked = findings.some((f) => f.id === 'masked-copy');
    return {
      title: masked ? t('This is a masked copy of a key, not the key') : t('The key is malformed'),
      explanation: sentences(
        ...findings.map((f) => f.message),
        ctx.keySent === false ? t('Nothing was sent to Mistral.') : t('Mistral refused the key as written.'),
      ),
      steps: (tool) => masked
        ? [
            step(t('The full key is shown only once, when it is created: if you no longer have it, create a new key on the console API-keys page.'), CONSOLE_API_KEYS_URL, t('Open API keys')),
            step(t('Wait about five minutes: a new key is not active at once.')),
            keyStep(tool),
          ]
        : [
            copyAgainStep(),
            keyStep(tool),
            step(t('If it still fails, create a new key on the console API-keys page.'), CONSOLE_API_KEYS_URL, t('Open API keys')),
          ],
    };
  },

  'key-not-yet-active': (ctx) => {
    const ageMinutes = ctx.keyAgeMs != null ? Math.max(0, Math.floor(ctx.keyAgeMs / 60_000)) : null;
    const waitMinutes = ctx.keyAgeMs != null ? Math.max(1, Math.ceil((KEY_ACTIVATION_MS - ctx.keyAgeMs) / 60_000)) : 5;
    return {
      title: t('The key is not active yet'),
      explanation: ageMinutes !== null
        ? t('Mistral refuses this key, which was created {0} min ago: new keys take about five minutes to become active.', ageMinutes)
        : t('Mistral refuses this new key: new keys take about five minutes to become active.'),
      steps: () => [
        step(t('Wait about {0} min, then check again.', waitMinutes)),
        step(t('From a terminal, mistral-key-doctor check --watch checks again every 30 seconds until the key is accepted.')),
        step(t('If it is still refused after 15 minutes, make sure the key exists on the console API-keys page.'), CONSOLE_API_KEYS_URL, t('Open API keys')),
      ],
    };
  },

  'key-rejected': (ctx) => ({
    title: t('Mistral rejects this key'),
    explanation: sentences(
      t('The key was refused with 401: it is invalid, revoked, from another workspace, or not active yet.'),
      unansweredNote(ctx.unanswered),
    ),
    steps: (tool) => [
      step(ctx.fingerprint
        ? t('On the console API-keys page, check that the key {0} still exists in the right workspace.', ctx.fingerprint)
        : t('On the console API-keys page, check that the key still exists in the right workspace.'), CONSOLE_API_KEYS_URL, t('Open API keys')),
      ...seedRecipe(tool, pinId(ctx)),
      step(t('To use the Codestral host, first activate Codestral (free) on the console Codestral page.'), CONSOLE_CODESTRAL_URL, t('Open Codestral page')),
    ],
  }),

  'rate-limited': (ctx) => ({
    title: t('Rate or usage limit reached'),
    explanation: sentences(
      t('The key is valid, but {0} answered 429: the rate limit or the monthly usage limit of the workspace was reached.', hostName(ctx.host)),
      ctx.retryAfterSeconds != null && t('Mistral asks to wait {0} s before retrying (Retry-After).', ctx.retryAfterSeconds),
    ),
    steps: () => [
      step(ctx.retryAfterSeconds != null ? t('Wait {0} s, then try again.', ctx.retryAfterSeconds) : t('Wait a minute, then try again.')),
      step(t('Check the limits and usage of your workspace; the free tier has low limits.'), DOCS_RATE_LIMITS_URL, t('Rate limits')),
      step(t('If it keeps happening, lower the request rate of your tool (for example pause autocomplete) or raise the workspace tier.')),
    ],
  }),

  'forbidden': (ctx) => ({
    title: t('The key is not allowed to do this'),
    explanation: t('{0} answered 403: the key is valid, but its workspace may not use this model or service (plan, tier or organisation settings).', hostName(ctx.host)),
    steps: (tool) => [
      step(t('Check the plan and billing of the workspace on the console.'), CONSOLE_URL, t('Open console')),
      step(t('For Codestral, activate it (free) on the console Codestral page.'), CONSOLE_CODESTRAL_URL, t('Open Codestral page')),
      modelStep(tool, pinId(ctx)),
      step(t('Ask the workspace admin whether the key is restricted.')),
      ...workingHostSteps(ctx, tool),
    ],
  }),

  'model-unavailable': (ctx) => {
    const model = ctx.model?.id ?? t('this model');
    const pin = ctx.model?.suggestion ?? ctx.pin ?? null;
    return {
      title: ctx.model?.state === 'retired' ? t('The model {0} was retired', model) : t('The model {0} is not available', model),
      explanation: modelExplanation(ctx, model),
      steps: (tool) => pin
        ? [pinStep(tool, pin, false)]
        : [step(t('Pick a model from the models list of your key, preferably a dated id rather than a -latest alias.'), DOCS_MODELS_URL, t('Models'))],
    };
  },

  'host-unreachable': (ctx) => (ctx.detail === PROXY_AUTH_REQUIRED ? proxyAuthRequiredEntry(ctx) : {
    title: ctx.host ? t('Could not reach {0}', hostName(ctx.host)) : t('Could not reach Mistral'),
    explanation: sentences(
      ctx.host ? t('No answer from {0} ({1}).', hostName(ctx.host), ctx.detail ?? t('no details')) : t('Neither Mistral host answered.'),
      t('Usual reasons: no network, a firewall or proxy in the way, or a wrong base URL.'),
      ctx.host === 'codestral' && codestralHostNote(),
    ),
    steps: (tool) => [
      ...switchHostSteps(ctx, tool),
      step(t('Check the network connection; behind a proxy, set http.proxy in VS Code, or HTTPS_PROXY for the command line.'), VSCODE_NETWORK_DOCS_URL, t('Network settings')),
      step(t('Check the base URL settings of your tool and of Mistral Key Doctor.')),
      step(t('Check whether Mistral reports an outage.'), STATUS_URL, t('Mistral status')),
    ],
  }),

  'tls-intercepted': (ctx) => ({
    title: t('A proxy or antivirus intercepts HTTPS'),
    explanation: t('The TLS connection to {0} failed ({1}): something between you and Mistral, usually a corporate proxy or antivirus, re-signs HTTPS traffic with a certificate this machine does not trust.', hostName(ctx.host), ctx.detail ?? t('no details')),
    steps: (tool) => [
      step(t('Ask IT for the corporate root CA certificate (a PEM file) and install it in the operating system certificate store.')),
      step(t('In VS Code, keep http.systemCertificates and http.proxyStrictSSL on: VS Code then trusts the corporate CA from the system store.'), VSCODE_NETWORK_DOCS_URL, t('Network settings')),
      step(t('For the command line and other Node.js tools, set NODE_EXTRA_CA_CERTS to the path of that PEM file.'), NODE_EXTRA_CA_CERTS_DOCS_URL, 'NODE_EXTRA_CA_CERTS'),
      step(t('Keep certificate checks on: these requests carry the key.')),
      ...workingHostSteps(ctx, tool),
    ],
  }),

  'service-error': (ctx) => ({
    title: t('Mistral is having trouble'),
    explanation: t('{0} answered {1}: a server error at Mistral or at a proxy in between. It says nothing about the key.', hostName(ctx.host), ctx.status ?? '5xx'),
    steps: (tool) => [
      step(t('Wait a few minutes and check again.')),
      step(t('Check whether Mistral reports an outage.'), STATUS_URL, t('Mistral status')),
      step(t('If it persists, send the support report (it holds the request ids, never the key) to Mistral support.')),
      ...workingHostSteps(ctx, tool),
    ],
  }),

  'unexpected-response': (ctx) => (ctx.detail === PROXY_AUTH_REQUIRED ? proxyAuthRequiredEntry(ctx) : {
    title: t('The answer did not come from the Mistral API'),
    explanation: sentences(
      t('{0} answered with something that is not Mistral API output ({1}): often a network login page, a proxy page, or a base URL that points elsewhere.', hostName(ctx.host), ctx.detail ?? (ctx.status != null ? String(ctx.status) : t('no details'))),
      ctx.host === 'codestral' && codestralHostNote(),
    ),
    steps: (tool) => [
      ...switchHostSteps(ctx, tool),
      step(t('Open any web page in a browser: if a network login page appears, sign in, then check again.')),
      step(t('Check the base URL: the SDK convention has no /v1 (https://api.mistral.ai), while Continue apiBase and litellm api_base end in /v1.')),
      step(t('Behind a proxy, check http.proxy in VS Code, or HTTPS_PROXY for the command line.'), VSCODE_NETWORK_DOCS_URL, t('Network settings')),
    ],
  }),
};

function okTitle(kind: KeyKind | undefined): string {
  switch (kind) {
    case 'console': return t('The key works: a general key for api.mistral.ai');
    case 'codestral': return t('The key works: a Codestral key for codestral.mistral.ai');
    case 'both': return t('The key works on both hosts');
    default: return t('The key works');
  }
}

function okExplanation(kind: KeyKind | undefined): string | false {
  switch (kind) {
    case 'console': return t('api.mistral.ai accepts this key. Codestral models are served there too, so tools that call api.mistral.ai can use it.');
    case 'codestral': return t('codestral.mistral.ai accepts this key and api.mistral.ai does not: it is a Codestral key. Tools that call api.mistral.ai (Cline 3.2.13+, Mistral Vibe, litellm mistral/) will get 401 with it.');
    case 'both': return t('Both api.mistral.ai and codestral.mistral.ai accept this key.');
    default: return false;
  }
}

function modelExplanation(ctx: CauseContext, model: string): string {
  switch (ctx.model?.state) {
    case 'retired': return ctx.model.date
      ? t('The key works, but {0} was retired on {1} and Mistral refuses it.', model, ctx.model.date)
      : t('The key works, but {0} was retired and Mistral refuses it.', model);
    case 'not-listed': return t('The key works, but {0} is not in the models list for this key.', model);
    default: return t('The key works, but {0} refused the model {1}.', hostName(ctx.host), model);
  }
}

function codestralHostNote(): string {
  return t('codestral.mistral.ai may no longer be served; Codestral models are available on api.mistral.ai with a general key.');
}

function unansweredNote(hosts: HostId[] | undefined): string | false {
  if (!hosts || hosts.length === 0) return false;
  return t('No verdict from {0}, so what it thinks of the key is unknown.', hosts.map(hostName).join(', '));
}

/** When the failing host is codestral.mistral.ai, the lasting fix is api.mistral.ai (where Codestral now lives). */
function switchHostSteps(ctx: CauseContext, tool: ToolId): FixStep[] {
  if (ctx.workingHost) return workingHostSteps(ctx, tool);
  if (ctx.host !== 'codestral') return [];
  return [apiHostStep(tool, pinId(ctx)), ...seedRecipe(tool, pinId(ctx))];
}

function workingHostSteps(ctx: CauseContext, tool: ToolId): FixStep[] {
  if (ctx.workingHost === 'api') {
    if (tool === 'roo' || tool === 'continue' || tool === 'litellm') {
      return [step(t('api.mistral.ai accepts this key and serves Codestral models too.')), apiHostStep(tool, pinId(ctx))];
    }
    return [step(t('api.mistral.ai accepts this key and serves Codestral models too: point your tool at https://api.mistral.ai.'))];
  }
  if (ctx.workingHost === 'codestral') {
    return [step(t('codestral.mistral.ai accepts this key: a tool that can use the Codestral host can work meanwhile.')), codestralHostStep(tool, pinId(ctx))];
  }
  return [];
}

function pinId(ctx: CauseContext): string {
  return ctx.pin?.id ?? suggestPin({ models: null, preferred: DEFAULT_PREFERRED_CODESTRAL_MODEL, now: ctx.now ?? new Date() }).id;
}

/** The seed's recipe: a general key, a short wait, the key in the tool, a dated model. */
function seedRecipe(tool: ToolId, pin: string): FixStep[] {
  return [
    step(t('Create a general API key on the console API-keys page.'), CONSOLE_API_KEYS_URL, t('Open API keys')),
    step(t('Wait about five minutes: a new key is not active at once.')),
    keyStep(tool),
    modelStep(tool, pin),
  ];
}

function keyStep(tool: ToolId): FixStep {
  switch (tool) {
    case 'cline': return step(t('In Cline settings, choose API Provider "Mistral" and paste the key into "Mistral API Key".'));
    case 'roo': return step(t('In Roo Code / Kilo Code settings, open your Mistral provider profile and paste the key into "Mistral API Key".'));
    case 'continue': return step(t('In ~/.continue/config.yaml, set apiKey on the Mistral model (or the secret it names in .continue/.env).'));
    case 'vibe': return step(t('Put the key in ~/.vibe/.env as MISTRAL_API_KEY=<key>, with no quotes or spaces.'));
    case 'litellm': return step(t('Set MISTRAL_API_KEY (mistral/ models) or CODESTRAL_API_KEY (codestral/ models) in your environment or .env file, with no quotes or spaces.'));
    case 'other': return step(t('Paste the key where your tool asks for the Mistral API key.'));
  }
}

function modelStep(tool: ToolId, id: string): FixStep {
  switch (tool) {
    case 'cline': return step(t('In Cline settings, set the model to {0}.', id));
    case 'roo': return step(t('In the Roo Code / Kilo Code provider profile, set the model to {0}.', id));
    case 'continue': return step(t('In ~/.continue/config.yaml, set model: {0} on the Mistral model.', id));
    case 'vibe': return step(t('In ~/.vibe/config.toml, set the model to {0}.', id));
    case 'litellm': return step(t('Use the model string mistral/{0} (codestral/{0} on the Codestral host).', id));
    case 'other': return step(t('Pick the dated model {0} rather than a -latest alias, which can move without notice.', id));
  }
}

/** Send the key to api.mistral.ai, where Codestral models are served with a general key. */
function apiHostStep(tool: ToolId, pin: string): FixStep {
  switch (tool) {
    case 'roo': return step(t('In Roo Code / Kilo Code, set "Codestral Base URL" to https://api.mistral.ai so Codestral models go to api.mistral.ai.'));
    case 'continue': return step(t('In ~/.continue/config.yaml, set apiBase: https://api.mistral.ai/v1 on the Codestral model.'));
    case 'litellm': return step(t('Use the mistral/ prefix (for example mistral/{0}) with the key in MISTRAL_API_KEY instead of codestral/ with CODESTRAL_API_KEY.', pin));
    case 'cline':
    case 'vibe':
    case 'other': return step(t('Point your tool at https://api.mistral.ai: Codestral models are served there with a general key.'));
  }
}

/** Keep a Codestral key and send it to the host that accepts it. */
function codestralHostStep(tool: ToolId, pin: string): FixStep {
  switch (tool) {
    case 'cline': return step(t('Cline 3.2.13 and later send Mistral keys only to api.mistral.ai, so Cline cannot use a Codestral key: use a general key instead.'));
    case 'vibe': return step(t('Mistral Vibe calls only api.mistral.ai, so it cannot use a Codestral key: use a general key instead.'));
    case 'roo': return step(t('In Roo Code / Kilo Code, choose a codestral-* model (for example {0}) and set "Codestral Base URL" to https://codestral.mistral.ai: Codestral models then take this key to the Codestral host.', pin));
    case 'continue': return step(t('In ~/.continue/config.yaml, set apiBase: https://codestral.mistral.ai/v1 on the Codestral model (roles: [autocomplete]).'));
    case 'litellm': return step(t('Use the codestral/ prefix (for example codestral/{0}) with the key in CODESTRAL_API_KEY.', pin));
    case 'other': return step(t('If your tool lets you set the base URL, point it at https://codestral.mistral.ai (add /v1 if the tool expects it) and keep this key.'));
  }
}

/** The detail a host outcome carries when a proxy answered 407 (see hostOutcome.ts). */
const PROXY_AUTH_REQUIRED = 'proxy-auth-required';

/** `host-unreachable` when the proxy in between wants credentials: the key never reached Mistral. */
function proxyAuthRequiredEntry(ctx: CauseContext): Entry {
  return {
    title: t('The proxy asks for a user name and password (HTTP 407)'),
    explanation: t('The proxy between this machine and {0} answered 407 Proxy Authentication Required, so the request never reached Mistral and the key could not be checked.', hostName(ctx.host)),
    steps: () => [
      step(t('For the command line, put the proxy credentials in the proxy address: HTTPS_PROXY=http://user:password@proxy.example:8080 (percent-encode special characters).')),
      step(t('In VS Code, set http.proxy to the proxy address and sign in when VS Code asks for proxy credentials.'), VSCODE_NETWORK_DOCS_URL, t('Network settings')),
      step(t('Or ask IT to let api.mistral.ai and codestral.mistral.ai through the proxy without authentication.')),
    ],
  };
}

function step(text: string, url?: string, label?: string): FixStep {
  return url ? { text, link: { url, label: label ?? url } } : { text };
}

function copyAgainStep(): FixStep {
  return step(t('Copy the key again: exactly 32 letters and digits, with no spaces, line breaks, quotes or "Bearer " prefix.'));
}

/** Where the tool keeps its model, and why the pin is not the preferred one; the generic form is the quick-fix title. */
function pinStep(tool: ToolId, pin: PinSuggestion, replacesAlias: boolean): FixStep {
  if (tool === 'other') return replacesAlias ? modelStep(tool, pin.id) : step(pin.title);
  const fix = modelStep(tool, pin.id);
  return pin.reason ? { ...fix, text: t('{0} ({1})', fix.text, pin.reason) } : fix;
}

function hostName(host: HostId | null | undefined): string {
  return host ? HOST_NAMES[host] : t('Mistral');
}

function sentences(...parts: Array<string | false | null | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}
