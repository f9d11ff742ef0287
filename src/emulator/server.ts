// A real HTTP(S) server on 127.0.0.1 with three listeners that behave like Mistral's api host,
// codestral host and console (the plan lookup), driven by a scenario. It records every request so
// tests can assert what was sent.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { HostId } from '../core/diagnosis';
import {
  completionAnswer, errorAnswer, htmlAnswer, invalidModelAnswer, jsonAnswer, modelsAnswer, newRequestId, noRouteAnswer,
  validationAnswer, whoamiAnswer, type Answer,
} from './answers';
import { hostsAccepting, keyKindOf, whoamiFor } from './keys';
import { resolveModel } from './models';
import { consoleScenarioNamed, scenarioNamed, type ConsoleMode, type HostMode, type Scenario } from './scenarios';

/** The emulated listeners: the two API hosts and the console. */
export type EmulatedHost = HostId | 'console';

export interface RecordedRequest {
  host: EmulatedHost;
  method: string;
  /** Path with query string. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The Authorization header as received, or null. */
  authorization: string | null;
  body: string;
  /** The body parsed as JSON, or null. */
  json: unknown;
  receivedAt: number;
}

/** Answers a request to an API host instead of the scenario (fuzzing, TLS tests). The body was already read. */
export type RawResponder = (req: IncomingMessage, res: ServerResponse, host: HostId) => void;

export interface EmulatorOptions {
  scenario?: string | Scenario;
  /** Added to the scenario's own latency on both hosts. */
  latencyMs?: number;
  /** The console's behaviour (a name from `CONSOLE_SCENARIOS`, or a mode); `by-key` when absent. */
  console?: string | ConsoleMode;
  /** Fixed ports; 0 or absent picks a free one. */
  port?: { api?: number; codestral?: number; console?: number };
  /** Serve https with this key pair instead of http. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  responder?: RawResponder;
}

export interface Emulator {
  apiUrl: string;
  codestralUrl: string;
  /** The emulated console, for the plan lookup (`GET /api/vibe/whoami`). */
  consoleUrl: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  readonly scenario: Scenario;
  setScenario(nameOrScenario: string | Scenario): void;
  setConsoleScenario(nameOrMode: string | ConsoleMode): void;
  setResponder(responder: RawResponder | null): void;
  /** Makes the `fresh` key (or any known key) active now, whatever the scenario's delay. */
  activateKey(key: string): void;
  /** Forgets first uses and activations. */
  resetKeys(): void;
  /** Back to how it started: its first scenario, console and responder, no key history, nothing recorded. */
  reset(): void;
  close(): Promise<void>;
}

const MAX_RECORDED_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < MAX_RECORDED_BODY) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) record[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

const WHOAMI_ROUTE = 'GET /api/vibe/whoami';

function consoleMode(nameOrMode: string | ConsoleMode | undefined): ConsoleMode {
  if (nameOrMode === undefined) return { kind: 'by-key' };
  return typeof nameOrMode === 'string' ? consoleScenarioNamed(nameOrMode) : nameOrMode;
}

const ROUTES: Record<HostId, string[]> = {
  api: ['GET /v1/models', 'POST /v1/fim/completions', 'POST /v1/chat/completions'],
  codestral: ['POST /v1/fim/completions', 'POST /v1/chat/completions'],
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const initialScenario = typeof options.scenario === 'object' ? options.scenario : scenarioNamed(options.scenario ?? 'normal');
  const initialResponder = options.responder ?? null;
  let scenario = initialScenario;
  let responder = initialResponder;
  const initialConsole = consoleMode(options.console);
  let consoleBehaviour = initialConsole;
  const extraLatency = options.latencyMs ?? 0;
  const requests: RecordedRequest[] = [];
  const firstUse = new Map<string, number>();
  const activated = new Set<string>();
  const sockets = new Set<Socket>();
  const urls: Record<EmulatedHost, string> = { api: '', codestral: '', console: '' };

  /** The kind of an active key the emulator knows, or null (unknown, or a fresh key still activating). */
  function activeKeyKind(authorization: string | null) {
    const key = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    const kind = keyKindOf(key);
    if (kind === null) return null;
    const firstUsedAt = firstUse.get(key) ?? Date.now();
    firstUse.set(key, firstUsedAt);
    if (kind === 'fresh' && !activated.has(key) && Date.now() - firstUsedAt < scenario.freshKeyDelayMs) return null;
    return kind;
  }

  function keyAccepted(host: HostId, authorization: string | null): boolean {
    const kind = activeKeyKind(authorization);
    return kind !== null && hostsAccepting(kind)[host];
  }

  function answerConsole(request: RecordedRequest, requestId: string): Answer | null {
    const pathname = request.path.split('?')[0] ?? '';
    if (`${request.method} ${pathname}` !== WHOAMI_ROUTE) return jsonAnswer(404, { detail: 'Not Found' });
    const mode = consoleBehaviour;
    switch (mode.kind) {
      case 'by-key': {
        const kind = activeKeyKind(request.authorization);
        const plan = kind ? whoamiFor(kind) : null;
        return plan ? whoamiAnswer(plan.plan_type, plan.plan_name) : jsonAnswer(401, { detail: 'Unauthorized' });
      }
      case 'plan':
        return activeKeyKind(request.authorization) ? whoamiAnswer(mode.planType, mode.planName) : jsonAnswer(401, { detail: 'Unauthorized' });
      case 'status':
        return errorAnswer(mode.status, 'detail', requestId);
      case 'html':
        return htmlAnswer(200);
      case 'garbage':
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"plan_type":"API","plan_na' };
      case 'json':
        return jsonAnswer(200, mode.body);
      case 'drop':
      case 'hang':
        return null;
    }
  }

  function answerNormally(host: HostId, request: RecordedRequest, requestId: string): Answer {
    const pathname = request.path.split('?')[0] ?? '';
    if (!ROUTES[host].includes(`${request.method} ${pathname}`)) return noRouteAnswer(requestId);
    if (!keyAccepted(host, request.authorization)) return errorAnswer(401, scenario.errorShape, requestId);
    if (request.method === 'GET') return modelsAnswer(scenario.models);
    const body = request.json as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null) return jsonAnswer(400, { object: 'error', message: 'Invalid JSON body', type: 'invalid_request_error', param: null, code: '3000' });
    if (typeof body.model !== 'string') return validationAnswer('model');
    const fim = pathname.endsWith('/fim/completions');
    if (fim && typeof body.prompt !== 'string') return validationAnswer('prompt');
    if (!fim && !Array.isArray(body.messages)) return validationAnswer('messages');
    const resolved = scenario.retiredModels.includes(body.model) ? null : resolveModel(scenario.models, body.model);
    if (resolved === null) return invalidModelAnswer(body.model);
    return completionAnswer(resolved, fim ? 'fim' : 'chat');
  }

  function answerFor(host: HostId, mode: HostMode, request: RecordedRequest, requestId: string): Answer | null {
    switch (mode.kind) {
      case 'normal':
        return answerNormally(host, request, requestId);
      case 'status':
        if (mode.afterAuth && !keyAccepted(host, request.authorization)) return errorAnswer(401, scenario.errorShape, requestId);
        return errorAnswer(mode.status, scenario.errorShape, requestId, mode.retryAfter ? { 'retry-after': mode.retryAfter } : {});
      case 'no-route':
        return noRouteAnswer(requestId);
      case 'html':
        return htmlAnswer(mode.status);
      case 'garbage':
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"object":"list","data":[{"id":' };
      case 'huge':
        return { status: 200, headers: { 'content-type': 'application/json' }, body: `{"object":"list","padding":"${'x'.repeat(mode.bytes)}"}` };
      case 'redirect': {
        const other: HostId = host === 'api' ? 'codestral' : 'api';
        const location = mode.location === 'other-host' ? `${urls[other]}${request.path}` : mode.location;
        return { status: mode.status, headers: { location }, body: '' };
      }
      case 'drop':
      case 'reset-mid-body':
      case 'hang':
        return null;
    }
  }

  function handler(host: EmulatedHost) {
    return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const body = await readBody(req);
      const headers = headerRecord(req);
      const request: RecordedRequest = {
        host, method: req.method ?? 'GET', path: req.url ?? '/', headers, authorization: headers['authorization'] ?? null,
        body, json: parseJson(body), receivedAt: Date.now(),
      };
      requests.push(request);
      if (responder && host !== 'console') {
        responder(req, res, host);
        return;
      }
      const latency = scenario.latencyMs[host] + extraLatency;
      const respond = (): void => {
        if (res.destroyed) return;
        const mode = host === 'console' ? consoleBehaviour : scenario[host];
        if (mode.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        if (mode.kind === 'reset-mid-body') {
          // Headers and the first bytes go out; the reset follows once they are on the wire.
          res.writeHead(mode.status, { 'content-type': 'application/json', 'content-length': '4096' });
          res.write('{"object": "list", "data": [', () => req.socket.resetAndDestroy());
          return;
        }
        const requestId = newRequestId();
        const answer = host === 'console' ? answerConsole(request, requestId) : answerFor(host, scenario[host], request, requestId);
        if (answer === null) return;
        res.writeHead(answer.status, { 'mistral-correlation-id': requestId, 'x-kong-request-id': requestId, ...answer.headers });
        res.end(answer.body);
      };
      if (latency > 0) setTimeout(respond, latency);
      else respond();
    };
  }

  async function listen(host: EmulatedHost, port: number): Promise<http.Server> {
    const handle = handler(host);
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => void handle(req, res);
    const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, onRequest) : http.createServer(onRequest);
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const scheme = options.tls ? 'https' : 'http';
    urls[host] = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return server;
  }

  const servers: http.Server[] = [];
  try {
    for (const host of ['api', 'codestral', 'console'] as const) servers.push(await listen(host, options.port?.[host] ?? 0));
  } catch (error) {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    throw error;
  }
  const forgetKeys = () => {
    firstUse.clear();
    activated.clear();
  };

  return {
    apiUrl: urls.api,
    codestralUrl: urls.codestral,
    consoleUrl: urls.console,
    requests,
    get scenario() {
      return scenario;
    },
    setScenario(nameOrScenario) {
      scenario = typeof nameOrScenario === 'string' ? scenarioNamed(nameOrScenario) : nameOrScenario;
    },
    setConsoleScenario(nameOrMode) {
      consoleBehaviour = consoleMode(nameOrMode);
    },
    setResponder(next) {
      responder = next;
    },
    activateKey(key) {
      activated.add(key);
    },
    resetKeys: forgetKeys,
    reset() {
      forgetKeys();
      requests.length = 0;
      scenario = initialScenario;
      responder = initialResponder;
      consoleBehaviour = initialConsole;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
