// Framing errors over stdio end the server with a clear message (the client restarts it) instead
// of leaving it stuck. Drives the built bundle with raw bytes.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverBundle } from './serverProcess';

function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

const initialize = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

/** Sends raw input and waits for the process to end (or gives up after 20 s, which counts as a hang). */
function run(input: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverBundle(), '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    const hang = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(hang);
      resolve({ code, stderr, stdout });
    });
    child.stdin.write(input);
  });
}

describe('framing errors over stdio', () => {
  it.each([
    ['a Content-Length that is not a number', `${initialize}${frame('{}', 'Content-Length: twelve')}`],
    ['a header without Content-Length', `${initialize}${frame('{}', 'Content-Type: application/json')}`],
    ['a header line without a colon', `${initialize}${frame('{}', 'Content-Length 2')}`],
    ['a body that is not JSON', `${initialize}${frame('{not json')}`],
  ])('exits with a clear message on %s, after answering what came before', async (_, input) => {
    const { code, stderr, stdout } = await run(input);
    expect(code).toBe(1);
    expect(stderr).toContain('unreadable input from the client');
    expect(stdout).toContain('"id":1');
  });

  it('exits when a message announced by Content-Length never arrives', async () => {
    const { code, stderr } = await run(`${initialize}Content-Length: 5000\r\n\r\n{"jsonrpc"`);
    expect(code).toBe(1);
    expect(stderr).toContain('did not arrive');
  }, 30_000);
});
