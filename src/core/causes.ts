// The causes catalogue: for each cause id a severity, a title, an explanation and ordered fix
// steps, per tool where the tools differ (each tool's own settings come from the tools table).
// Strings are built on each call so the active locale applies.
import {
  TOOL_IDS,
  type Cause, type CauseId, type FixStep, type HostId, type KeyFinding, type KeyKind, type KeyType, type ModelVerdict,
  type PinSuggestion, type Severity, type ToolId,
} from './diagnosis';
import { defaultBaseUrl } from './hosts';
import { t } from './l10n';
import { HOST_NAMES } from './labels';
import {
  CONSOLE_API_KEYS_URL, CONSOLE_URL, DOCS_MODELS_URL, DOCS_RATE_LIMITS_URL, NODE_EXTRA_CA_CERTS_DOCS_URL,
  STATUS_URL, VIBE_KEYS_URL, VSCODE_NETWORK_DOCS_URL,
} from './links';
import { KEY_ACTIVATION_WINDOW_MINUTES, KEY_ACTIVATION_WINDOW_MS } from './activation';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from './defaults';
import { suggestPin } from './models';
import { toolDisplayName, toolFacts } from './tools';

/** What classify learnt that the wording needs; every field is optional so the bare catalogue can be shown. */
export interface CauseContext {
  /** The host the cause is about. */
  host?: HostId | null;
  /** A host that accepts the key while `host` does not: the fix can move there. */
  workingHost?: HostId | null;
  /** Hosts that let the key in (authentication passed). */
  acceptedBy?: HostId[];
  status?: number | null;
  detail?: string | null;
  retryAfterSeconds?: number | null;
  findings?: KeyFinding[];
  /** False when the key was not sent at all. */
  keySent?: boolean;
  /** True when the key was let in only after whitespace, quotes or `Bearer ` were removed. */
  worksOnceCleaned?: boolean;
  fingerprint?: string;
  keyAgeMs?: number | null;
  /** The refused key was stored or appeared within the activation window: it may still be activating. */
  storedMomentsAgo?: boolean;
  keyKind?: KeyKind;
  keyType?: KeyType;
  /** The plan's user-facing name, from the plan lookup. */
  plan?: string | null;
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
  'payment-required': 'error',
  'forbidden': 'error',
  'model-unavailable': 'warning',
  'route-not-served': 'error',
  'host-unreachable': 'error',
  'tls-intercepted': 'error',
  'service-error': 'warning',
  'unexpected-response': 'warning',
};

/** The plan name the plan lookup gives a free Studio (API) plan. */
export const FREE_API_PLAN = 'Free API';

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

const API = (): string => HOST_NAMES.api;
const CODESTRAL = (): string => HOST_NAMES.codestral;

const ENTRIES: Record<CauseId, (ctx: CauseContext) => Entry> = {
  'ok': (ctx) => {
    const pin = ctx.model?.suggestion ?? null;
    return {
      title: okTitle(ctx),
      explanation: sentences(okExplanation(ctx), ctx.keyKind !== 'unknown' && unansweredNote(ctx.unanswered)),
      steps: (tool) => [
        ...(pin ? [pinStep(tool, pin, ctx.model?.state === 'alias')] : []),
        ...vibeKeyElsewhereSteps(ctx, tool),
      ],
    };
  },

  'codestral-key-on-api-host': (ctx) => ({
    title: t('A legacy Mistral Code key was sent to {0}', API()),
    explanation: t('{0} refuses this key with 401: it is a legacy Mistral Code (Codestral) key, which works only on {1}, and your tool sends it to {0}. Keys of this kind can no longer be created.', API(), CODESTRAL()),
    steps: (tool) => {
      const pin = pinId(ctx);
      const recipe = studioKeyRecipe(tool, ctx);
      const codestralRoute = toolFacts(tool).codestralRouteStep(pin);
      if (codestralRoute === null) {
        return [step(t('{0} sends Mistral keys only to {1}, so it cannot use a legacy Mistral Code key: use a Studio key instead.', toolDisplayName(tool), API())), ...recipe];
      }
      if (tool === 'other') return [...recipe, step(t('Or keep this key and point your tool at the Codestral host:')), step(codestralRoute)];
      return [step(codestralRoute), step(t('Or, to use every Mistral model with one key, switch to a Studio key:')), ...recipe];
    },
  }),

  'console-key-on-codestral-host': (ctx) => ({
    title: t('A Studio key was sent to {0}', CODESTRAL()),
    explanation: t('{0} accepts this key, but {1} answers 401: {1} takes only legacy Mistral Code keys, and no new ones can be made. Codestral models are served on {0}, so send this key there.', API(), CODESTRAL()),
    steps: (tool) => [step(toolFacts(tool).apiRouteStep(pinId(ctx))), ...modelSteps(ctx, tool)],
  }),

  'key-malformed': (ctx) => {
    const findings = ctx.findings ?? [];
    const masked = findings.some((f) => f.id === 'masked-copy');
    const otherProvider = findings.some((f) => f.id === 'other-provider-secret');
    if (ctx.worksOnceCleaned) {
      return {
        title: t('The key works only once cleaned: your tool sends it as stored'),
        explanation: sentences(
          ...findings.map((f) => f.message),
          t('Mistral accepted the key once these characters were removed, but your tool sends the key exactly as it is stored and gets 401.'),
        ),
        steps: (tool) => [copyAgainStep(), keyStep(tool)],
      };
    }
    return {
      title: masked ? t('This is a masked copy of a key, not the key')
        : otherProvider ? t('This is another provider\'s secret, not a Mistral key') : t('The key is malformed'),
      explanation: sentences(
        ...findings.map((f) => f.message),
        ctx.keySent === false ? t('Nothing was sent to Mistral.') : t('Mistral refused the key as written.'),
      ),
      steps: (tool) => masked
        ? [newKeyStep(tool, t('The full key is shown only once, when it is created: if you no longer have it, create a new key.')), waitStep(), keyStep(tool)]
        : otherProvider ? [newKeyStep(tool, t('Use a Mistral key instead: take yours from where you keep it, or create one.')), keyStep(tool)]
          : [copyAgainStep(), keyStep(tool), newKeyStep(tool, t('If it still fails, create a new key.'))],
    };
  },

  'key-not-yet-active': (ctx) => {
    const ageMinutes = ctx.keyAgeMs != null ? Math.max(0, Math.floor(ctx.keyAgeMs / 60_000)) : null;
    const waitMinutes = Math.max(1, Math.ceil((KEY_ACTIVATION_WINDOW_MS - (ctx.keyAgeMs ?? 0)) / 60_000));
    return {
      title: t('The key is not active yet'),
      explanation: ageMinutes === null || ageMinutes < 1
        ? t('Mistral refuses this new key: new keys can take a few minutes to become active.')
        : t('Mistral refuses this key, which was created {0} min ago: new keys can take a few minutes to become active.', ageMinutes),
      steps: () => [
        step(t('Wait up to {0} min, then check again.', waitMinutes)),
        step(t('If it is still refused {0} minutes after you created it, it is revoked, expired or mistyped: make sure the key exists on the Studio "API keys" page.', KEY_ACTIVATION_WINDOW_MINUTES), CONSOLE_API_KEYS_URL, t('Open API keys')),
      ],
    };
  },

  'key-rejected': (ctx) => ({
    title: t('Mistral rejects this key'),
    explanation: sentences(
      ctx.storedMomentsAgo
        ? t('The key was refused with 401. If you created it in the last few minutes, it may still be activating: it is checked again automatically for up to {0} minutes after it was stored. Otherwise it is revoked, expired, from another workspace or mistyped.', KEY_ACTIVATION_WINDOW_MINUTES)
        : t('The key was refused with 401: it is invalid, revoked, expired, from another workspace, or not active yet.'),
      unansweredNote(ctx.unanswered),
    ),
    steps: (tool) => [
      step(ctx.fingerprint
        ? t('On the Studio "API keys" page, check that the key {0} still exists in the right workspace and has not expired.', ctx.fingerprint)
        : t('On the Studio "API keys" page, check that the key still exists in the right workspace and has not expired.'), CONSOLE_API_KEYS_URL, t('Open API keys')),
      ...studioKeyRecipe(tool, ctx),
    ],
  }),

  'rate-limited': (ctx) => {
    const freePlan = ctx.plan === FREE_API_PLAN;
    return {
      title: t('Rate or usage limit reached'),
      explanation: sentences(
        t('The key is valid, but {0} answered 429: the rate limit or the monthly usage limit of the workspace was reached (monthly usage is shared across Studio, the API and Vibe).', hostName(ctx.host)),
        freePlan && t('This key is on the free API plan, whose limits are low.'),
        ctx.keyType === 'vibe' && ctx.plan && t('This Vibe key draws on your Le Chat plan ({0}).', ctx.plan),
        ctx.retryAfterSeconds != null && t('Mistral asks to wait {0} s before retrying (Retry-After).', ctx.retryAfterSeconds),
      ),
      steps: () => [
        step(ctx.retryAfterSeconds != null ? t('Wait {0} s, then try again.', ctx.retryAfterSeconds) : t('Wait a minute, then try again.')),
        freePlan
          ? step(t('The free API plan has low limits: to raise them, switch the workspace to pay-as-you-go on the console.'), CONSOLE_URL, t('Open console'))
          : step(t('Check the limits and usage of your workspace; the free tier has low limits.'), DOCS_RATE_LIMITS_URL, t('Rate limits')),
        step(t('If it keeps happening, lower the request rate of your tool (for example pause autocomplete) or raise the workspace tier.')),
      ],
    };
  },

  'payment-required': (ctx) => ({
    title: t('The key works, but billing is not set up'),
    explanation: t('{0} answered 402: the key passed authentication, but the workspace has no payment method or pay-as-you-go is switched off.', hostName(ctx.host)),
    steps: () => [
      step(t('On the console, add a payment method or switch pay-as-you-go on for the workspace.'), CONSOLE_URL, t('Open console')),
      step(t('Then try again: the key itself needs no change.')),
    ],
  }),

  'route-not-served': (ctx) => ({
    title: t('{0} has no route for this call', hostName(ctx.host)),
    explanation: t('Mistral\'s gateway at {0} answered 404 "no Route matched": it does not serve this call any more. This is Mistral speaking, not a proxy page. Codestral models are served on {1}: send the request there.', hostName(ctx.host), API()),
    steps: (tool) => [
      step(toolFacts(tool).apiRouteStep(pinId(ctx))),
      ...modelSteps(ctx, tool),
      ...(ctx.keyType === 'mistral-code' ? [step(t('This is a legacy Mistral Code key, which {0} refuses: use a Studio key there.', API())), ...studioKeyRecipe(tool, ctx)] : []),
    ],
  }),

  'forbidden': (ctx) => ({
    title: t('The key is not allowed to do this'),
    explanation: t('{0} answered 403: the key is valid, but its workspace may not use this model or service (plan, tier or organisation settings).', hostName(ctx.host)),
    steps: (tool) => [
      step(t('Check the plan and billing of the workspace on the console.'), CONSOLE_URL, t('Open console')),
      ...modelSteps(ctx, tool),
      step(t('Ask the workspace admin whether the key is restricted.')),
      ...workingHostSteps(ctx, tool),
    ],
  }),

  'model-unavailable': (ctx) => {
    const model = ctx.model?.id ?? t('this model');
    // Only the model's own replacement: a Codestral pin is no answer for a chat model.
    const pin = ctx.model?.suggestion ?? null;
    return {
      title: ctx.model?.state === 'retired' ? t('The model {0} was retired', model) : t('The model {0} is not available', model),
      explanation: modelExplanation(ctx, model),
      steps: (tool) => pin
        ? [pinStep(tool, pin, false)]
        : [step(t('Replace {0} with a model from the models list of your key, preferably a dated id rather than a -latest alias.', model), DOCS_MODELS_URL, t('Models'))],
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
      step(t('Check the network connection; behind a proxy, set http.proxy in VS Code, or HTTPS_PROXY for the command line.'), VSCODE_NETWORK_DOCS_URL, t('Network settings')),
      ...switchHostSteps(ctx, tool),
      baseUrlStep(tool),
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
      baseUrlStep(tool),
      step(t('Behind a proxy, check http.proxy in VS Code, or HTTPS_PROXY for the command line.'), VSCODE_NETWORK_DOCS_URL, t('Network settings')),
    ],
  }),
};

function okTitle(ctx: CauseContext): string {
  const accepted = ctx.acceptedBy ?? [];
  switch (ctx.keyKind) {
    case 'console': return t('The key works on {0}', API());
    case 'codestral': return t('The key works on {0} only: a legacy Mistral Code key', CODESTRAL());
    case 'both': return t('The key works on both hosts');
    default: {
      const silent = ctx.unanswered?.[0];
      if (accepted.length === 1 && silent) return t('The key works on {0}; {1} did not answer', hostName(accepted[0]), hostName(silent));
      return t('The key works');
    }
  }
}

function okExplanation(ctx: CauseContext): string | false {
  switch (ctx.keyKind) {
    case 'console': return t('{0} accepts this key and {1} refuses it. Codestral models are served on {0} too, so tools that call {0} can use it.', API(), CODESTRAL());
    case 'codestral': return t('{0} accepts this key and {1} refuses it: it is a legacy Mistral Code (Codestral) key. Tools that call {1} (Cline 3.2.13+, Mistral Vibe, litellm mistral/) get 401 with it; keep it only for tools that call {0}.', CODESTRAL(), API());
    case 'both': return t('Both {0} and {1} accept this key.', API(), CODESTRAL());
    default: {
      const accepted = ctx.acceptedBy ?? [];
      const silent = ctx.unanswered?.[0];
      if (accepted.length === 1 && silent) {
        return t('{0} accepts this key; {1} gave no verdict, so whether it takes the key is unknown.', hostName(accepted[0]), hostName(silent));
      }
      return false;
    }
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
  return t('{0} may no longer be served; Codestral models are available on {1} with a Studio key.', CODESTRAL(), API());
}

function unansweredNote(hosts: HostId[] | undefined): string | false {
  if (!hosts || hosts.length === 0) return false;
  return t('No verdict from {0}, so what it thinks of the key is unknown.', hosts.map(hostName).join(', '));
}

/** A Vibe key works on the api host, but it is made for Mistral Vibe and draws on a Le Chat plan. */
function vibeKeyElsewhereSteps(ctx: CauseContext, tool: ToolId): FixStep[] {
  if (ctx.keyType !== 'vibe' || tool === 'vibe') return [];
  return [step(t('This is a Vibe key, made for Mistral Vibe and drawing on your Le Chat plan. For {0}, a Studio key from the "API keys" page keeps its usage and limits apart.', toolDisplayName(tool)), CONSOLE_API_KEYS_URL, t('Open API keys'))];
}

/** When the failing host is the Codestral host, the lasting fix is the api host (where Codestral now lives). */
function switchHostSteps(ctx: CauseContext, tool: ToolId): FixStep[] {
  if (ctx.workingHost) return workingHostSteps(ctx, tool);
  if (ctx.host !== 'codestral') return [];
  return [step(toolFacts(tool).apiRouteStep(pinId(ctx))), ...studioKeyRecipe(tool, ctx)];
}

function workingHostSteps(ctx: CauseContext, tool: ToolId): FixStep[] {
  if (ctx.workingHost === 'api') {
    return [step(t('{0} accepts this key and serves Codestral models too.', API())), step(toolFacts(tool).apiRouteStep(pinId(ctx)))];
  }
  if (ctx.workingHost === 'codestral') {
    const route = toolFacts(tool).codestralRouteStep(pinId(ctx));
    return [step(t('{0} accepts this key: a tool that can use the Codestral host can work meanwhile.', CODESTRAL())), ...(route ? [step(route)] : [])];
  }
  return [];
}

function pinId(ctx: CauseContext): string {
  return ctx.pin?.id ?? suggestPin({ models: null, preferred: DEFAULT_PREFERRED_CODESTRAL_MODEL, now: ctx.now ?? new Date() }).id;
}

/** Today's recipe: a new key of the right type, a short wait, the key in the tool, and the model when it is part of the problem. */
function studioKeyRecipe(tool: ToolId, ctx: CauseContext): FixStep[] {
  return [newKeyStep(tool, null), waitStep(), keyStep(tool), ...modelSteps(ctx, tool)];
}

/** A model step only when a model is known and needs a change (retired, deprecated, not offered, a moving alias). */
function modelSteps(ctx: CauseContext, tool: ToolId): FixStep[] {
  const pin = ctx.model?.suggestion;
  return pin ? [pinStep(tool, pin, ctx.model?.state === 'alias')] : [];
}

/** Where to make a new key: Studio's "API keys" page; for Mistral Vibe also a Vibe key. Never a Codestral key. */
function newKeyStep(tool: ToolId, lead: string | null): FixStep {
  if (tool === 'vibe') {
    return step(sentences(lead, t('For Mistral Vibe, sign in again or create a Vibe key in Le Chat (Code → Extensions); a Studio key from the "API keys" page works too.')), VIBE_KEYS_URL, t('Open Vibe keys'));
  }
  return step(sentences(lead, t('Create a Studio key on the console\'s "API keys" page.')), CONSOLE_API_KEYS_URL, t('Open API keys'));
}

function waitStep(): FixStep {
  return step(t('Wait a few minutes: a new key is not active at once.'));
}

function keyStep(tool: ToolId): FixStep {
  return step(toolFacts(tool).setKeyStep());
}

function modelStep(tool: ToolId, id: string): FixStep {
  return step(toolFacts(tool).setModelStep(id));
}

/** The base URL form the tool expects (with or without `/v1`), from the tools table. */
function baseUrlStep(tool: ToolId): FixStep {
  if (tool === 'other') {
    return step(t('Check the base URL: the SDK convention has no /v1 ({0}), while Continue apiBase and litellm api_base end in /v1.', defaultBaseUrl('api', 'without-v1')));
  }
  return step(t('Check the base URL settings of {0}: it expects {1}.', toolDisplayName(tool), defaultBaseUrl('api', toolFacts(tool).convention)));
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
      step(t('Or ask IT to let {0} and {1} through the proxy without authentication.', API(), CODESTRAL())),
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
  // For an alias the reason is about the preferred pin, an id the user may never have had: say only the id.
  if (replacesAlias) return modelStep(tool, pin.id);
  if (tool === 'other') return step(pin.title);
  const fix = modelStep(tool, pin.id);
  return pin.reason ? { ...fix, text: t('{0} ({1})', fix.text.replace(/[.。]$/, ''), pin.reason) } : fix;
}

function hostName(host: HostId | null | undefined): string {
  return host ? HOST_NAMES[host] : t('Mistral');
}

function sentences(...parts: Array<string | false | null | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}
