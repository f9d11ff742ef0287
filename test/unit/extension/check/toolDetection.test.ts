import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFromExtensions, detectFromFiles, detectionSentence } from '../../../../src/extension/check/toolDetection';

describe('detectFromExtensions', () => {
  it('finds Cline, Roo Code, Kilo Code, Continue and Mistral\'s own extensions by id, with their versions, in table order', () => {
    const found = detectFromExtensions([
      { id: 'Continue.continue', version: '1.2.3' },
      { id: 'vscode.git', version: '1.0.0' },
      { id: 'saoudrizwan.claude-dev', version: '3.17.0' },
      { id: 'mistralai.mistral-code', version: '0.4.0' },
      { id: 'RooVeterinaryInc.roo-cline', version: '3.20.0' },
      { id: 'kilocode.Kilo-Code', version: '4.0.0' },
    ]);
    expect(found.map((entry) => [entry.tool, entry.version])).toEqual([
      ['cline', '3.17.0'], ['roo', '3.20.0'], ['kilo', '4.0.0'], ['continue', '1.2.3'], ['vibe', '0.4.0'],
    ]);
  });
});

describe('detectFromFiles', () => {
  it('finds tools without an extension by the config files the tools table names', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-detect-'));
    const workspace = path.join(home, 'project');
    fs.mkdirSync(path.join(home, '.tabby'), { recursive: true });
    fs.writeFileSync(path.join(home, '.tabby', 'config.toml'), '');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, '.aider.conf.yml'), '');
    fs.writeFileSync(path.join(workspace, '.env'), 'MISTRAL_API_KEY=x\n');
    try {
      const found = await detectFromFiles(home, [workspace]);
      expect(found.map((entry) => [entry.tool, entry.evidence])).toEqual([
        ['aider', path.join(workspace, '.aider.conf.yml')],
        ['tabby', path.join(home, '.tabby', 'config.toml')],
      ]);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('detectionSentence', () => {
  it('names the version and the host the tool sends keys to (Cline\'s host depends on its version)', () => {
    expect(detectionSentence({ tool: 'cline', version: '3.17.0', evidence: 'saoudrizwan.claude-dev' }, null)).toBe('Cline 3.17.0 detected: it sends keys to api.mistral.ai. Advice checked against Cline up to 3.2.13; you have 3.17.0, which was not checked.');
    expect(detectionSentence({ tool: 'cline', version: '3.1.0', evidence: 'saoudrizwan.claude-dev' }, null)).toBe('Cline 3.1.0 detected: it sends keys to codestral.mistral.ai.');
    expect(detectionSentence({ tool: 'roo', version: '3.20.0', evidence: 'x' }, null)).toBe('Roo Code 3.20.0 detected: it sends keys to codestral.mistral.ai.');
  });

  it('says plainly when the installed version is newer than the one the advice was checked against', () => {
    expect(detectionSentence({ tool: 'cline', version: '4.2.0', evidence: 'saoudrizwan.claude-dev' }, null))
      .toBe('Cline 4.2.0 detected: it sends keys to api.mistral.ai. Advice checked against Cline up to 4.1.13; you have 4.2.0, which was not checked.');
    expect(detectionSentence({ tool: 'cline', version: '4.1.13', evidence: 'saoudrizwan.claude-dev' }, null))
      .toBe('Cline 4.1.13 detected: it sends keys to api.mistral.ai.');
    expect(detectionSentence({ tool: 'kilo', version: '7.0.2', evidence: 'kilocode.kilo-code' }, 'codestral-2508'))
      .toMatch(/^Kilo Code 7.0.2 detected: it picks the Mistral host from the model\. Advice checked against Kilo Code up to 2026-09/);
  });
});
