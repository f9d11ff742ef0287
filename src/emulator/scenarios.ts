// What the emulated hosts do, as data. A scenario sets each host's mode, the error body shape
// (they changed over the years), the models list, and how long a fresh key stays inactive.
import { KEY_ACTIVATION_WINDOW_MS } from '../core/activation';
import { MODELS_CURRENT, MODELS_OCTOBER_2025, RETIRED_MODELS, type ModelCardJson } from './models';

/** Error body shapes: Kong's (2024–early 2025), FastAPI's `detail`, and the documented error object. */
export const ERROR_SHAPES = ['kong', 'detail', 'object'] as const;
export type ErrorShape = (typeof ERROR_SHAPES)[number];

export type HostMode =
  /** Routes, authentication by key kind, models and `invalid_model` as the real host does. */
  | { kind: 'normal' }
  /**
   * Every request gets this status (in the scenario's error shape), e.g. 401, 403, 429, 503. With
   * `afterAuth`, only keys the host accepts get it (as Mistral's own 403/429); others get 401.
   */
  | { kind: 'status'; status: number; retryAfter?: string; afterAuth?: boolean }
  /** Every path answers 404 `no Route matched`. */
  | { kind: 'no-route' }
  /** A proxy or captive portal's HTML page, with this status. */
  | { kind: 'html'; status: number }
  /** 200 with a body that is not JSON. */
  | { kind: 'garbage' }
  /** 200 with a JSON body far larger than any real answer. */
  | { kind: 'huge'; bytes: number }
  /** A redirect to `location` (`other-host` means the other emulated listener). */
  | { kind: 'redirect'; status: number; location: string }
  /** The connection is dropped without an answer. */
  | { kind: 'drop' }
  /** The status line and headers are sent, then the connection is reset in the middle of the body. */
  | { kind: 'reset-mid-body'; status: number }
  /** The request is accepted and never answered. */
  | { kind: 'hang' };

export interface Scenario {
  name: string;
  description: string;
  errorShape: ErrorShape;
  api: HostMode;
  codestral: HostMode;
  models: ModelCardJson[];
  retiredModels: string[];
  /** How long the `fresh` key answers 401 after its first use (unless activated on demand). */
  freshKeyDelayMs: number;
  /** Delay added before each answer, per listener. */
  latencyMs: { api: number; codestral: number; console: number };
}

/**
 * What the emulated console answers to `GET /api/vibe/whoami` (the plan lookup). `by-key`: the plan
 * of each known key (see `whoamiFor`), 401 for others; `plan`: this plan for every known key.
 */
export type ConsoleMode =
  | { kind: 'by-key' }
  | { kind: 'plan'; planType: string; planName: string }
  | { kind: 'status'; status: number }
  | { kind: 'html' }
  | { kind: 'garbage' }
  /** 200 with this JSON value as the body. */
  | { kind: 'json'; body: unknown }
  | { kind: 'drop' }
  | { kind: 'hang' };

const plan = (planType: string, planName: string): ConsoleMode => ({ kind: 'plan', planType, planName });

/** One console behaviour per plan type and per failure, selected with `emulator.setConsoleScenario(name)`. */
export const CONSOLE_SCENARIOS: Readonly<Record<string, ConsoleMode>> = {
  'by-key': { kind: 'by-key' },
  'free-api': plan('API', 'FREE'),
  'pay-as-you-go': plan('API', 'SCALE'),
  'le-chat-free': plan('CHAT', 'FREE'),
  'le-chat-pro': plan('CHAT', 'INDIVIDUAL'),
  'le-chat-student': plan('CHAT', 'EDU'),
  'le-chat-team': plan('CHAT', 'TEAM'),
  'free-codestral': plan('MISTRAL_CODE', 'F'),
  'code-enterprise': plan('MISTRAL_CODE', 'E'),
  'unknown-plan-type': plan('UNKNOWN', 'FREE'),
  'unauthorized': { kind: 'status', status: 401 },
  'forbidden': { kind: 'status', status: 403 },
  'not-found': { kind: 'status', status: 404 },
  'server-error': { kind: 'status', status: 500 },
  'html': { kind: 'html' },
  'garbage': { kind: 'garbage' },
  'odd-fields': { kind: 'json', body: { plan_type: ['API'], plan_name: { name: 'FREE' }, prompt_switching_to_pro_plan: 'yes' } },
  'huge-name': { kind: 'json', body: { plan_type: 'CHAT', plan_name: `PLAN${'X'.repeat(5_000)}`, prompt_switching_to_pro_plan: false } },
  'control-characters': { kind: 'json', body: { plan_type: 'CHAT', plan_name: 'Gold\u001b[31m\u0007\r\nplan', prompt_switching_to_pro_plan: false } },
  'drop': { kind: 'drop' },
  'hang': { kind: 'hang' },
};
export const CONSOLE_SCENARIO_NAMES = Object.keys(CONSOLE_SCENARIOS);

export function consoleScenarioNamed(name: string): ConsoleMode {
  const found = CONSOLE_SCENARIOS[name];
  if (!found) throw new Error(`Unknown console scenario "${name}". Known: ${CONSOLE_SCENARIO_NAMES.join(', ')}.`);
  return found;
}

const NORMAL: HostMode = { kind: 'normal' };
/** A fresh key activates halfway through the window the product waits for it. */
const FRESH_KEY_DELAY_MS = KEY_ACTIVATION_WINDOW_MS / 2;

function scenario(name: string, description: string, overrides: Partial<Omit<Scenario, 'name' | 'description'>> = {}): Scenario {
  return {
    name,
    description,
    errorShape: 'object',
    api: NORMAL,
    codestral: NORMAL,
    models: MODELS_CURRENT,
    retiredModels: RETIRED_MODELS,
    freshKeyDelayMs: FRESH_KEY_DELAY_MS,
    latencyMs: { api: 0, codestral: 0, console: 0 },
    ...overrides,
  };
}

const list: Scenario[] = [
  scenario('normal', 'Both hosts behave as documented; errors in the documented error-object shape.'),
  scenario('kong-2025', 'Both hosts behave as in early 2025: 401 bodies are Kong\'s {"message","request_id"}.', { errorShape: 'kong' }),
  scenario('detail-errors', 'Both hosts behave normally; error bodies are {"detail": …}.', { errorShape: 'detail' }),
  scenario('models-october-2025', 'The models list of October 2025: codestral-2501 listed with its retirement date.', { models: MODELS_OCTOBER_2025, retiredModels: ['codestral-2405'] }),
  scenario('rate-limited', 'Both hosts answer 429 with Retry-After in seconds to the keys they accept.', {
    api: { kind: 'status', status: 429, retryAfter: '30', afterAuth: true }, codestral: { kind: 'status', status: 429, retryAfter: '30', afterAuth: true },
  }),
  scenario('rate-limited-http-date', 'Both hosts answer 429 with Retry-After as an HTTP date to the keys they accept.', {
    api: { kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2065 07:28:00 GMT', afterAuth: true },
    codestral: { kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2065 07:28:00 GMT', afterAuth: true },
  }),
  scenario('gateway-rate-limited', 'A gateway in front of both hosts answers 429 before any authentication.', {
    api: { kind: 'status', status: 429, retryAfter: '5' }, codestral: { kind: 'status', status: 429, retryAfter: '5' },
  }),
  scenario('forbidden', 'Both hosts answer 403 (tier, model or organisation not allowed) to the keys they accept.', {
    api: { kind: 'status', status: 403, afterAuth: true }, codestral: { kind: 'status', status: 403, afterAuth: true },
  }),
  scenario('service-down', 'Both hosts answer 503.', { api: { kind: 'status', status: 503 }, codestral: { kind: 'status', status: 503 } }),
  scenario('api-server-error', 'The api host answers 500; the codestral host works.', { api: { kind: 'status', status: 500 } }),
  scenario('codestral-refuses-all', '2026 uncertainty: the codestral host answers 401 to every key.', { codestral: { kind: 'status', status: 401 } }),
  scenario('codestral-not-found', '2026 uncertainty: the codestral host answers 404 no Route matched to everything.', { codestral: { kind: 'no-route' } }),
  scenario('codestral-unreachable', '2026 uncertainty: the codestral host drops every connection.', { codestral: { kind: 'drop' } }),
  scenario('captive-portal', 'A captive portal answers every request with an HTML page and status 200.', {
    api: { kind: 'html', status: 200 }, codestral: { kind: 'html', status: 200 },
  }),
  scenario('proxy-error-page', 'A proxy answers with an HTML 502 page.', { api: { kind: 'html', status: 502 }, codestral: { kind: 'html', status: 502 } }),
  scenario('garbage', 'Both hosts answer 200 with a body that is not JSON.', { api: { kind: 'garbage' }, codestral: { kind: 'garbage' } }),
  scenario('huge-body', 'Both hosts answer 200 with a 3 MB body.', { api: { kind: 'huge', bytes: 3 * 1024 * 1024 }, codestral: { kind: 'huge', bytes: 3 * 1024 * 1024 } }),
  scenario('redirect-to-other-host', 'The api host redirects to the other listener (a key must never follow).', {
    api: { kind: 'redirect', status: 302, location: 'other-host' }, codestral: { kind: 'redirect', status: 307, location: 'other-host' },
  }),
  scenario('dropped', 'Both hosts drop every connection.', { api: { kind: 'drop' }, codestral: { kind: 'drop' } }),
  scenario('hang', 'Both hosts accept requests and never answer.', { api: { kind: 'hang' }, codestral: { kind: 'hang' } }),
  scenario('slow', 'Both hosts (and the console) work, each answer 400 ms late.', { latencyMs: { api: 400, codestral: 400, console: 400 } }),
];

export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(list.map((entry) => [entry.name, entry]));
export const SCENARIO_NAMES = list.map((entry) => entry.name);

export function scenarioNamed(name: string): Scenario {
  const found = SCENARIOS[name];
  if (!found) throw new Error(`Unknown emulator scenario "${name}". Known: ${SCENARIO_NAMES.join(', ')}.`);
  return found;
}
