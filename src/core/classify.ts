// The verdict: a pure function of the key's hygiene, both host outcomes, the models list and the
// context (target, model, key age, `now`). Every surface renders what this returns.
import { describeCause, type CauseContext } from './causes';
import {
  HOST_IDS,
  type CauseId, type Diagnosis, type HostId, type HostOutcome, type HostOutcomeKind, type KeyFindingId, type KeyKind,
  type KeyReport, type KeyType, type ModelCard, type ModelVerdict, type PinSuggestion, type Target, type ToolId,
} from './diagnosis';
import { RESIDUAL_FINDINGS } from './hygiene';
import { withinActivationWindow } from './activation';
import { assessModel, bareModelId, suggestPin, type PinContext } from './models';

export interface ClassifyInput {
  key: KeyReport;
  hosts: Record<HostId, HostOutcome>;
  models: ModelCard[] | null;
  /** The tool the verdict speaks for; `other` when none was named. */
  tool?: ToolId;
  target: Target;
  model: string | null;
  /** How long ago the key was created, when the user says so (`--new-key`): evidence that a refusal may be "not active yet". */
  keyAgeMs: number | null;
  /**
   * How long ago the key was stored here or appeared in a watched file. Not evidence of its age: a
   * refusal within the activation window says it may still be activating, or be revoked or mistyped.
   */
  keyStoredAgoMs?: number | null;
  preferredCodestralModel: string;
  now: Date;
  elapsedMs: number;
}

/** Authentication passed: the host let the key in (2xx, 402, 429, a 400/404/422 about the model or body). */
const AUTH_PASSED: ReadonlySet<HostOutcomeKind> = new Set(['accepted', 'rate-limited', 'model-error']);
const NO_VERDICT: ReadonlySet<HostOutcomeKind> = new Set(['server-error', 'unreachable', 'tls-error', 'unexpected']);
/** What was removed before sending and a tool sends as stored: a key that works only without them fails in the tool. */
const CLEANED_FINDINGS: readonly KeyFindingId[] = ['surrounding-whitespace', 'quotes', 'bearer-prefix', 'zero-width'];
/** The detail hostOutcome.ts gives Kong's `404 no Route matched` and a 402. */
const NO_ROUTE = 'no-route';
const PAYMENT_REQUIRED_STATUS = 402;

interface Choice {
  id: CauseId;
  ctx?: CauseContext;
}

export function classify(input: ClassifyInput): Diagnosis {
  const keyKind = keyKindOf(input.hosts);
  const targetHosts = hostsOf(input.target);
  const key: KeyReport = { ...input.key, type: keyTypeOf(input.key.type, keyKind) };
  const pinCtx: PinContext = { models: input.models, preferred: input.preferredCodestralModel, now: input.now, tool: input.tool ?? null };
  const model = assessModel(input.model, pinCtx);
  const choice = chooseCause({ ...input, key }, model);
  const acceptedBy = HOST_IDS.filter((host) => authPassed(input.hosts[host]));
  const cause = describeCause(choice.id, {
    findings: key.findings,
    fingerprint: key.fingerprint,
    keyKind,
    keyType: key.type,
    plan: key.plan,
    keyAgeMs: input.keyAgeMs,
    model,
    pin: pinForSteps(model, pinCtx),
    now: input.now,
    acceptedBy,
    unanswered: unansweredHosts(input.hosts),
    ...choice.ctx,
  });
  return {
    keyKind,
    tool: input.tool ?? 'other',
    target: input.target,
    worksForTarget: choice.id !== 'key-malformed' && targetHosts.some((host) => authPassed(input.hosts[host])),
    cause,
    hosts: input.hosts,
    key,
    model,
    liveModels: input.models,
    checkedAt: input.now.toISOString(),
    elapsedMs: input.elapsedMs,
  };
}

/** The plan lookup's answer wins; without it only what the hosts prove: the Codestral host alone lets in a legacy Mistral Code key. */
function keyTypeOf(fromLookup: KeyType, keyKind: KeyKind): KeyType {
  if (fromLookup !== 'unknown') return fromLookup;
  return keyKind === 'codestral' ? 'mistral-code' : 'unknown';
}

function unansweredHosts(hosts: Record<HostId, HostOutcome>): HostId[] {
  return HOST_IDS.filter((id) => hosts[id].probed && NO_VERDICT.has(hosts[id].outcome));
}

export function authPassed(host: HostOutcome): boolean {
  return host.probed && AUTH_PASSED.has(host.outcome);
}

/** Claims only what was observed: one host letting the key in says nothing about the other unless it answered 401. */
export function keyKindOf(hosts: Record<HostId, HostOutcome>): KeyKind {
  const api = authPassed(hosts.api);
  const codestral = authPassed(hosts.codestral);
  const refused = (host: HostId): boolean => hosts[host].probed && hosts[host].outcome === 'rejected';
  if (api && codestral) return 'both';
  if (api) return refused('codestral') ? 'console' : 'unknown';
  if (codestral) return refused('api') ? 'codestral' : 'unknown';
  return HOST_IDS.some(refused) ? 'rejected' : 'unknown';
}

function hostsOf(target: Target): readonly HostId[] {
  return target === 'auto' ? HOST_IDS : [target];
}

function otherHost(host: HostId): HostId {
  return host === 'api' ? 'codestral' : 'api';
}

/** The dated model the fix steps name: the model's own suggestion, the model itself when fine, else the pin policy. */
function pinForSteps(model: ModelVerdict, pinCtx: PinContext): PinSuggestion {
  if (model.suggestion) return model.suggestion;
  if (model.state === 'available' && model.id) return suggestPin({ ...pinCtx, preferred: bareModelId(model.id) });
  return suggestPin(pinCtx);
}

function chooseCause(input: ClassifyInput, model: ModelVerdict): Choice {
  if (input.key.findings.some((finding) => finding.blocking)) return { id: 'key-malformed', ctx: { keySent: false } };
  const { hosts } = input;
  const targetHosts = hostsOf(input.target);
  const working = targetHosts.filter((host) => authPassed(hosts[host]));
  if (working.length > 0) {
    // The tool sends the key as stored: if it was let in only once cleaned, the tool gets 401.
    if (input.key.findings.some((finding) => CLEANED_FINDINGS.includes(finding.id))) {
      return { id: 'key-malformed', ctx: { host: working[0]!, keySent: true, worksOnceCleaned: true } };
    }
    return whenKeyWorks(input, working, model);
  }
  if (input.target !== 'auto') return whenTargetFails(input, input.target);

  // Neither host let the key in. A proxy re-signing TLS hides everything else; after that the api host,
  // which serves every model, decides: in 2026 the Codestral host may refuse every key or be gone.
  const tls = HOST_IDS.find((host) => hosts[host].probed && hosts[host].outcome === 'tls-error');
  if (tls) return { id: 'tls-intercepted', ctx: hostCtx(hosts[tls], tls) };
  const bothUnreachable = HOST_IDS.every((host) => hosts[host].outcome === 'unreachable');
  if (bothUnreachable) {
    // Keeps a reason both hosts share, such as a proxy asking for credentials (407).
    const detail = hosts.api.detail === hosts.codestral.detail ? hosts.api.detail : null;
    return { id: 'host-unreachable', ctx: { host: null, detail } };
  }
  return whenTargetFails(input, hosts.api.probed ? 'api' : 'codestral');
}

function whenTargetFails(input: ClassifyInput, target: HostId): Choice {
  const outcome = input.hosts[target];
  const other = otherHost(target);
  const workingHost = authPassed(input.hosts[other]) ? other : null;
  const ctx = { ...hostCtx(outcome, target), workingHost };
  if (!outcome.probed) return { id: 'unexpected-response', ctx };
  switch (outcome.outcome) {
    case 'rejected':
      if (workingHost || wrongKeyTypeFor(target, input.key.type)) {
        return { id: target === 'api' ? 'codestral-key-on-api-host' : 'console-key-on-codestral-host', ctx };
      }
      return whenRejected(input);
    case 'forbidden': return { id: 'forbidden', ctx };
    case 'tls-error': return { id: 'tls-intercepted', ctx };
    case 'unreachable': return { id: 'host-unreachable', ctx };
    case 'server-error': return { id: 'service-error', ctx };
    default: return { id: outcome.detail === NO_ROUTE ? 'route-not-served' : 'unexpected-response', ctx };
  }
}

/** The console named the key's type: a legacy Mistral Code key on the api host, or a Studio/Vibe key on the Codestral host. */
function wrongKeyTypeFor(host: HostId, type: KeyType): boolean {
  return host === 'api' ? type === 'mistral-code' : type === 'studio' || type === 'vibe';
}

/** No host let the key in and at least one answered 401. */
function whenRejected(input: ClassifyInput): Choice {
  const { hosts, key } = input;
  const host = HOST_IDS.find((id) => hosts[id].probed && hosts[id].outcome === 'rejected') ?? null;
  const unanswered = HOST_IDS.filter((id) => hosts[id].probed && NO_VERDICT.has(hosts[id].outcome));
  // Whitespace, quotes and `Bearer ` were removed before sending, so only faults that travel with the key explain a 401.
  if (key.findings.some((finding) => RESIDUAL_FINDINGS.includes(finding.id))) {
    return { id: 'key-malformed', ctx: { host, keySent: true } };
  }
  if (withinActivationWindow(input.keyAgeMs)) return { id: 'key-not-yet-active', ctx: { host, unanswered } };
  return { id: 'key-rejected', ctx: { host, unanswered, storedMomentsAgo: withinActivationWindow(input.keyStoredAgoMs) } };
}

function whenKeyWorks(input: ClassifyInput, working: HostId[], model: ModelVerdict): Choice {
  const { hosts } = input;
  const unpaid = working.find((host) => hosts[host].status === PAYMENT_REQUIRED_STATUS);
  if (unpaid) return { id: 'payment-required', ctx: hostCtx(hosts[unpaid], unpaid) };
  const limited = working.find((host) => hosts[host].outcome === 'rate-limited');
  if (limited) return { id: 'rate-limited', ctx: hostCtx(hosts[limited], limited) };
  // The codestral-host probe names its own model (PROBE_FIM_MODEL), so a `model-error` there proves the
  // key and says nothing about the user's model: only the models list or the lifecycle table judge that.
  if (model.state === 'retired' || model.state === 'not-listed') {
    return { id: 'model-unavailable', ctx: hostCtx(hosts[working[0]!], working[0]!) };
  }
  return { id: 'ok', ctx: { unanswered: unansweredHosts(hosts) } };
}

function hostCtx(outcome: HostOutcome, host: HostId): CauseContext {
  return { host, status: outcome.status, detail: outcome.detail, retryAfterSeconds: outcome.retryAfterSeconds };
}
