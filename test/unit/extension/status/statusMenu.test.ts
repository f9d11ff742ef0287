import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import type { Diagnosis } from '../../../../src/core/diagnosis';
import type { KeyStatus } from '../../../../src/extension/status/keyStatus';
import { statusMenuItems, type StatusMenuInput } from '../../../../src/extension/status/statusMenu';
import { describeStatus } from '../../../../src/extension/status/statusView';
import { codestralKeyForCline, workingConsoleKey } from '../diagnosisFixtures';

function keyOf(diagnosis: Diagnosis | null, overrides: Partial<KeyStatus> = {}): KeyStatus {
  return {
    sourceId: 'last', owner: 'The stored key', place: 'VS Code secret storage · AbCd…WxYz', tool: 'cline', diagnosis,
    checking: false, stale: false, storedKey: true, file: null, recheck: { command: 'mistralKeyDoctor.checkKey', args: [] }, ...overrides,
  };
}

function menuFor(keys: KeyStatus[], sources: StatusMenuInput['sources'] = []) {
  const view = describeStatus({ keys, keyStored: true, alwaysVisible: true, waitingUntil: null, nextCheckAt: null });
  return statusMenuItems({ view, keys, tool: 'cline', detected: true, sources });
}

const labels = (items: vscode.QuickPickItem[]) => items.map((item) => item.kind === vscode.QuickPickItemKind.Separator ? `— ${item.label}` : item.label.replace(/^\$\([^)]*\) /, ''));

describe('statusMenuItems', () => {
  it('in the 401 state leads with the fix for the worst key, then re-check, the keys, settings and the watch, with separators', () => {
    const items = menuFor([keyOf(codestralKeyForCline())]);
    expect(labels(items)).toEqual([
      'Open API keys', 'Check again',
      '— Keys', 'The stored key: It does not work for Cline.',
      '— Settings', 'Set a new key', 'Tool', 'Show diagnostics', 'Open log',
      "— Other tools' keys", "Watch other tools' keys…",
    ]);
    expect(items[0]).toMatchObject({ command: 'vscode.open' });
    expect(String((items[0]!.args as unknown[])[0])).toBe('https://console.mistral.ai/api-keys');
    expect(items[3]!.detail).toBe('A Codestral key was sent to api.mistral.ai');
    expect(items.find((item) => item.label.includes('Tool'))!.description).toBe('Cline (detected)');
  });

  it('has no fix row when the key works: re-check comes first', () => {
    expect(labels(menuFor([keyOf(workingConsoleKey())])).slice(0, 3)).toEqual(['Check again', '— Keys', 'The stored key: It works for Cline.']);
  });

  it('a stored key with no link to follow is fixed by setting a new one; a key in a file by opening the file', () => {
    const base = codestralKeyForCline();
    const noLinks: Diagnosis = { ...base, cause: { ...base.cause, fix: [{ text: 'Paste a new key.' }], fixByTool: {} } };
    expect(menuFor([keyOf(noLinks)])[0]).toMatchObject({ label: '$(lightbulb) Set a new key', command: 'mistralKeyDoctor.setKey' });
    const inFile = keyOf(noLinks, { sourceId: 'dotenv', owner: 'The .env key', storedKey: false, file: '/work/app/.env', recheck: { command: 'mistralKeyDoctor.checkWatchedKey', args: [0] } });
    const items = menuFor([inFile]);
    expect(items[0]).toMatchObject({ label: '$(lightbulb) Open .env', command: 'vscode.open' });
    expect(items[1]).toMatchObject({ command: 'mistralKeyDoctor.checkWatchedKey', args: [0] });
  });

  it('never offers a new key when the key is fine and the tool\'s host is wrong: the panel\'s steps instead', () => {
    const base = codestralKeyForCline();
    const wrongHost: Diagnosis = { ...base, cause: { ...base.cause, id: 'console-key-on-codestral-host', fix: [{ text: 'Point Roo Code at api.mistral.ai.' }], fixByTool: {} } };
    expect(menuFor([keyOf(wrongHost, { tool: 'roo' })])[0]).toMatchObject({ label: '$(lightbulb) See how to fix it', command: 'mistralKeyDoctor.showDiagnostics' });
  });

  it('shows each watch decision and lets the user change it; a watched source without a key says where it looked', () => {
    const items = menuFor([], [
      { id: 'continue', place: "Continue's files", state: 'watching', files: ['~/.continue/config.yaml'], keys: 1 },
      { id: 'cline', place: "Cline's files", state: 'watching', files: ['~/.cline/data/secrets.json'], keys: 0 },
      { id: 'vibe', place: "Mistral Vibe's files", state: 'declined', files: ['~/.vibe/.env'], keys: 0 },
    ]);
    const watchRows = items.slice(items.findIndex((item) => item.label === "Other tools' keys") + 1);
    expect(watchRows.map((item) => [item.label, item.detail, item.command, item.args])).toEqual([
      ["$(eye) Watching Continue's files", '~/.continue/config.yaml', 'mistralKeyDoctor.stopWatching', ['continue']],
      ["$(eye) Watching Cline's files", 'no key found in ~/.cline/data/secrets.json', 'mistralKeyDoctor.stopWatching', ['cline']],
      ["$(eye-closed) Not watching Mistral Vibe's files", undefined, 'mistralKeyDoctor.watchToolKeys', ['vibe']],
      ["$(eye) Watch other tools' keys…", undefined, 'mistralKeyDoctor.watchToolKeys', []],
    ]);
  });
});
