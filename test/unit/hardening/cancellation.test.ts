// Real cancellation: a probe cut by its deadline closes its connection. 50 checks at once against a
// host that accepts connections and never answers, three rounds, garbage collection forced in
// between (a lost abort signal only shows once the copied Request is collected): afterwards the
// host holds no open socket and the process no socket or timer of the checks.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKey } from '../../../src/core/check';
import { TEST_KEYS } from '../../../src/emulator';

v8.setFlagsFromString('--expose-gc');
const forceGc = vm.runInNewContext('gc') as () => void;

const CHECKS = 50;
const ROUNDS = 3;
const TIMEOUT_MS = 300;

let silent: net.Server;
let url: string;
const open = new Set<net.Socket>();

beforeAll(async () => {
  silent = net.createServer((socket) => {
    // Reads (and ignores) the request, so the end of the connection is seen as soon as the client closes it.
    socket.resume();
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

function clientHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'Timeout').length;
}

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    forceGc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a check cut by its deadline', () => {
  it(`leaves no socket or timer after ${CHECKS} concurrent checks × ${ROUNDS} rounds against a silent host`, async () => {
    await settled();
    const before = clientHandles();
    for (let round = 0; round < ROUNDS; round++) {
      // Collections while the requests wait are what used to break the abort chain.
      const collecting = setInterval(forceGc, TIMEOUT_MS / 6);
      const diagnoses = await Promise.all(Array.from({ length: CHECKS }, () => checkKey({
        rawKey: TEST_KEYS.both, target: 'auto', model: null, apiUrl: url, codestralUrl: url,
        timeoutMs: TIMEOUT_MS, keyAgeMs: null, preferredCodestralModel: 'codestral-2501',
      }))).finally(() => clearInterval(collecting));
      expect(diagnoses.every((d) => d.hosts.api.detail === 'timeout' && d.hosts.codestral.detail === 'timeout')).toBe(true);
      await settled();
    }
    await expect.poll(() => open.size, { timeout: 8_000, interval: 500 }).toBe(0);
    await expect.poll(clientHandles, { timeout: 3_000 }).toBeLessThanOrEqual(before);
  }, 60_000);
});
