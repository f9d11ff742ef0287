import { describe, expect, it } from 'vitest';
import { documentKindOf } from '../../../src/server/documentKinds';

describe('documentKindOf', () => {
  it.each([
    ['file:///home/u/.continue/config.yaml', 'continue-yaml'],
    ['file:///repo/.continue/models/codestral.yaml', 'continue-yaml'],
    ['file:///home/u/.continue/config.json', 'continue-json'],
    ['file:///repo/.env', 'dotenv'],
    ['file:///home/u/.vibe/.env', 'dotenv'],
    ['file:///repo/.env.local', 'dotenv'],
    ['file:///repo/.aider.conf.yml', 'aider'],
    ['file:///home/u/.vibe/config.toml', 'vibe'],
    ['file:///home/u/.tabby/config.toml', 'tabby'],
    ['file:///repo/.vscode/settings.json', 'vscode-settings'],
    ['vscode-userdata:/home/u/.config/Code/User/settings.json', 'vscode-settings'],
    ['file:///c%3A/Users/u/.continue/config.yaml', 'continue-yaml'],
  ])('%s is %s', (uri, kind) => {
    expect(documentKindOf(uri)).toBe(kind);
  });

  it('ignores other files', () => {
    expect(documentKindOf('file:///repo/config.yaml')).toBeNull();
    expect(documentKindOf('file:///repo/package.json')).toBeNull();
    expect(documentKindOf('file:///repo/.continue/prompts/x.yaml')).toBeNull();
  });
});
