// The contract every surface renders (ARCHITECTURE.md, "The data walk"). Only types and closed lists live here.

export const HOST_IDS = ['api', 'codestral'] as const;
export type HostId = (typeof HOST_IDS)[number];

export const TARGETS = ['api', 'codestral', 'auto'] as const;
export type Target = (typeof TARGETS)[number];

export const KEY_KINDS = ['console', 'codestral', 'both', 'rejected', 'unknown'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const HOST_OUTCOMES = [
  'accepted', 'rejected', 'forbidden', 'rate-limited', 'model-error',
  'server-error', 'unreachable', 'tls-error', 'unexpected',
] as const;
export type HostOutcomeKind = (typeof HOST_OUTCOMES)[number];

export const CAUSE_IDS = [
  'ok', 'codestral-key-on-api-host', 'console-key-on-codestral-host', 'key-malformed',
  'key-not-yet-active', 'key-rejected', 'rate-limited', 'payment-required', 'forbidden',
  'model-unavailable', 'route-not-served', 'host-unreachable', 'tls-intercepted', 'service-error',
  'unexpected-response',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

export const SEVERITIES = ['ok', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The coding assistants the tools catalogue (`catalogue/`) describes; `other` is any tool it does not know. */
export const TOOL_IDS = ['cline', 'roo', 'kilo', 'continue', 'vibe', 'litellm', 'aider', 'zed', 'tabby', 'other'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** The console's key types: Studio (general), Vibe, and legacy Mistral Code (the old Codestral keys). */
export const KEY_TYPES = ['studio', 'vibe', 'mistral-code', 'unknown'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const KEY_FINDING_IDS = [
  'empty', 'surrounding-whitespace', 'inner-whitespace', 'quotes', 'bearer-prefix', 'masked-copy',
  'zero-width', 'non-ascii', 'wrong-length', 'non-alphanumeric', 'other-provider-secret',
] as const;
export type KeyFindingId = (typeof KEY_FINDING_IDS)[number];

export const MODEL_STATES = ['available', 'alias', 'deprecated', 'retired', 'not-listed', 'unknown'] as const;
export type ModelState = (typeof MODEL_STATES)[number];

export interface KeyFinding {
  id: KeyFindingId;
  /** Localised, never contains the key. */
  message: string;
  /** True when the finding alone makes the key unusable (nothing is sent). */
  blocking: boolean;
}

export interface KeyReport {
  /** `abcd…wxyz`: the only form of the key any surface may show. */
  fingerprint: string;
  findings: KeyFinding[];
  /** From the plan lookup, or inferred only where the hosts' answers prove it; `unknown` otherwise. */
  type: KeyType;
  /** The plan's name as a user knows it ("Free API", "Pro", "Code Enterprise"…), or null. */
  plan: string | null;
}

export interface HostOutcome {
  outcome: HostOutcomeKind;
  /** HTTP status, or null when no HTTP answer arrived. */
  status: number | null;
  latencyMs: number;
  /** For support tickets: body `request_id`, `mistral-correlation-id`, `x-kong-request-id` or `cf-ray`. */
  requestId: string | null;
  /** The base URL that was probed (never carries the key). */
  url: string;
  /** A short technical hint: transport error code (`ECONNREFUSED`, `SELF_SIGNED_CERT_IN_CHAIN`), `invalid_model`… */
  detail: string | null;
  /** Seconds from `Retry-After`, when a 429 carried one. */
  retryAfterSeconds: number | null;
  /** False when this host was not probed (e.g. the key was unusable). */
  probed: boolean;
}

/** The subset of a `GET /v1/models` card that the verdict needs. */
export interface ModelCard {
  id: string;
  aliases: string[];
  /** ISO date (YYYY-MM-DD) or null. */
  deprecation: string | null;
  deprecationReplacementModel: string | null;
  completionFim: boolean;
  completionChat: boolean;
}

export interface PinSuggestion {
  /** The id the quick fix writes. */
  id: string;
  /** Why it is not the preferred pin; null when it is the preferred one. Localised. */
  reason: string | null;
  /** Localised quick-fix title, e.g. "Switch model to codestral-2508 (codestral-2501 was retired on 2025-11-30)". */
  title: string;
}

export interface ModelVerdict {
  /** The requested model id, or null when none was given. */
  id: string | null;
  state: ModelState;
  /** What an alias resolves to (from the live list, else the built-in table). */
  resolvesTo: string | null;
  /** Deprecation or retirement date (YYYY-MM-DD) when known. */
  date: string | null;
  /** The id the pin policy suggests, or null when the model needs no change. */
  suggested: string | null;
  suggestion: PinSuggestion | null;
}

export interface FixStep {
  /** Localised instruction. */
  text: string;
  /** An allowlisted page that the step needs (console, docs). */
  link?: { url: string; label: string };
}

export interface Cause {
  id: CauseId;
  severity: Severity;
  title: string;
  explanation: string;
  /** Ordered steps that apply whatever the tool. */
  fix: FixStep[];
  /** Ordered steps for a given tool, where they differ from `fix`. */
  fixByTool: Partial<Record<ToolId, FixStep[]>>;
}

/** Where a checked key lives, as far as known: a file (and 1-based line), or an environment variable. Never the key. */
export interface KeyLocation {
  path: string | null;
  /** 1-based; null when unknown. */
  line: number | null;
  variable: string | null;
}

/** Which catalogue row the tool's advice came from. */
export interface AdviceProvenance {
  /** The tool version the row was verified against ("advice checked against Cline up to 4.1.13"). */
  verifiedUpTo: string;
  /** The version the user has, when known. */
  versionAsked: string | null;
  /** True when that version is unknown or newer than what the row was verified against. */
  unverified: boolean;
  /** Localised, e.g. "Advice checked against Cline up to 4.1.13; you have 4.2.0, which was not checked."; null when verified. */
  note: string | null;
}

export interface Diagnosis {
  keyKind: KeyKind;
  /** The tool the verdict speaks for (`other` when none was named). */
  tool: ToolId;
  /** The catalogue row the tool's advice came from (absent in reports older than the catalogue). */
  advice?: AdviceProvenance;
  target: Target;
  /** True when the key works for the target (for `auto`: on at least one host). */
  worksForTarget: boolean;
  cause: Cause;
  /** Localised: what the tool will hit, the sentence every surface leads with (causeMeaning.ts). */
  headline: string;
  hosts: Record<HostId, HostOutcome>;
  key: KeyReport;
  model: ModelVerdict;
  /** The models list the api host returned for this key (null when it returned none). */
  liveModels?: ModelCard[] | null;
  /** ISO timestamp of `now` when classified. */
  checkedAt: string;
  elapsedMs: number;
}
