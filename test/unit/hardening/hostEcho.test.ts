// Hosts that echo pieces of the key and send control characters: nothing of either reaches the
// Diagnosis or any rendering of it (CLI report, --json, support report, the panel's view), and
// unsafe model ids never become a suggestion.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkKey } from '../../../src/core/check';
import type { Diagnosis } from '../../../src/core/diagnosis';
import { isSafeModelId, KEY_PIECE_LENGTH } from '../../../src/core/hostText';
import { renderReport, renderSupportReport, toCliJson } from '../../../src/core/report';
import { buildPanelView } from '../../../src/extension/panel/panelView';
import { TEST_KEYS } from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const KEY = TEST_KEYS.both;
const PIECE_24 = KEY.slice(4, 28);
const PIECE_31 = KEY.slice(0, 31);
const emulator = useEmulator();

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function check(responder: (req: IncomingMessage, res: ServerResponse, host: 'api' | 'codestral') => void, model: string | null = null): Promise<Diagnosis> {
  emulator.setResponder(responder);
  return checkKey({
    rawKey: KEY, target: 'auto', model, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
    timeoutMs: 5_000, keyAgeMs: null, preferredCodestralModel: 'codestral-2501',
  });
}

function renderings(d: Diagnosis): string[] {
  return [
    JSON.stringify(d),
    renderReport(d, { color: false, tool: 'continue' }),
    renderSupportReport(d, { versions: { 'Mistral Key Doctor': 'test' }, tool: 'continue' }),
    JSON.stringify(toCliJson(d, 'continue')),
    JSON.stringify(buildPanelView({
      tool: 'continue', detection: null, settingsNotes: [], checking: false, nextCheckAt: null,
      result: { diagnosis: d, sourceLabel: 'test', storedKey: true, tool: 'continue', toolHost: d.target },
    })),
  ];
}

function keyPiecesIn(text: string): string[] {
  const found: string[] = [];
  for (let start = 0; start + KEY_PIECE_LENGTH <= KEY.length; start++) {
    const piece = KEY.slice(start, start + KEY_PIECE_LENGTH);
    if (text.includes(piece)) found.push(piece);
  }
  return found;
}

describe('hosts echoing pieces of the key', () => {
  it.each([
    ['24', PIECE_24],
    ['31', PIECE_31],
  ])('keeps a %s-character piece out of request ids, error types and messages, in every rendering', async (_length, piece) => {
    const diagnosis = await check((_req, res, host) => {
      if (host === 'api') json(res, 401, { message: `Unauthorized key ${piece}`, request_id: `req-${piece}`, type: piece });
      else json(res, 429, { object: 'error', message: piece, type: `t_${piece}`, code: piece }, { 'mistral-correlation-id': piece });
    });
    expect(diagnosis.hosts.api.outcome).toBe('rejected');
    for (const text of renderings(diagnosis)) expect(keyPiecesIn(text)).toEqual([]);
    expect(diagnosis.hosts.api.requestId).toBe('req-…');
  });

  it('keeps pieces out of tracing headers too', async () => {
    const diagnosis = await check((_req, res) => json(res, 500, { detail: 'x' }, { 'x-kong-request-id': PIECE_24, 'cf-ray': PIECE_31 }));
    for (const text of renderings(diagnosis)) expect(keyPiecesIn(text)).toEqual([]);
  });
});

describe('hosts sending control characters and unsafe model ids', () => {
  const evilIds = ['codestral-2508\napiBase: https://attacker.example/v1', 'codestral-2599\u001b]52;c;ZWNobyBoaQ==\u0007', `codestral-${PIECE_24}`];

  it('drops unsafe ids from the live list, so no suggestion, alias or verdict names them', async () => {
    const diagnosis = await check((req, res, host) => {
      if (host === 'codestral') return json(res, 200, { choices: [{ index: 0, message: { role: 'assistant', content: ' ' } }] });
      json(res, 200, {
        object: 'list',
        data: [
          ...evilIds.map((id) => ({ id, aliases: ['codestral-latest'], deprecation: null, capabilities: { completion_fim: true, completion_chat: true }, type: 'base' })),
          { id: 'codestral-2501', aliases: [], deprecation: '2025-11-06', deprecation_replacement_model: evilIds[0], capabilities: { completion_fim: true, completion_chat: true }, type: 'base' },
        ],
      });
    }, 'codestral-latest');
    expect(diagnosis.liveModels?.map((card) => card.id)).toEqual(['codestral-2501']);
    expect(diagnosis.liveModels?.[0]?.deprecationReplacementModel).toBeNull();
    for (const id of [diagnosis.model.resolvesTo, diagnosis.model.suggested, diagnosis.model.suggestion?.id]) {
      if (id !== null && id !== undefined) expect(isSafeModelId(id)).toBe(true);
    }
    for (const text of renderings(diagnosis)) {
      expect(text).not.toContain('attacker.example');
      expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
      expect(keyPiecesIn(text)).toEqual([]);
    }
  });
});
