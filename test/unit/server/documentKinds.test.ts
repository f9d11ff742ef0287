import { describe, expect, it } from 'vitest';
import { documentKindOf } from '../../../src/server/documentKinds';
import { parseDocumentUri } from '../../../src/server/documentUri';

const kindOf = (uri: string, languageId = '') => documentKindOf(parseDocumentUri(uri), languageId);

describe('documentKindOf', () => {
  it.each([
    ['file:///home/u/.continue/config.yaml', 'continue-yaml'],
    ['file:///repo/.continue/models/codestral.yaml', 'continue-yaml'],
    ['file:///repo/.continue/agents/coder.yaml', 'continue-yaml'],
    ['file:///repo/.continue/assistants/team.yml', 'continue-yaml'],
    ['file:///repo/.continue/configs/local.yaml', 'continue-yaml'],
    ['file:///home/u/.continue/config.json', 'continue-json'],
    ['file:///repo/.env', 'dotenv'],
    ['file:///home/u/.vibe/.env', 'dotenv'],
    ['file:///repo/.env.local', 'dotenv'],
    ['file:///repo/.env.example', 'dotenv'],
    ['file:///repo/.aider.conf.yml', 'aider'],
    ['file:///home/u/.vibe/config.toml', 'vibe'],
    ['file:///home/u/.tabby/config.toml', 'tabby'],
    ['file:///repo/.vscode/settings.json', 'vscode-settings'],
    ['vscode-userdata:/home/u/.config/Code/User/settings.json', 'vscode-settings'],
    ['file:///c%3A/Users/u/.continue/config.yaml', 'continue-yaml'],
  ])('%s is %s', (uri, kind) => {
    expect(kindOf(uri)).toBe(kind);
  });

  it('ignores other files', () => {
    expect(kindOf('file:///repo/config.yaml')).toBeNull();
    expect(kindOf('file:///repo/package.json')).toBeNull();
    expect(kindOf('file:///repo/.continue/prompts/x.yaml')).toBeNull();
    expect(kindOf('vscode-userdata:/home/u/.env')).toBeNull();
  });

  it('reads an untitled document by its language', () => {
    expect(kindOf('untitled:Untitled-1', 'dotenv')).toBe('dotenv');
    expect(kindOf('untitled:Untitled-2', 'plaintext')).toBeNull();
  });

  it('has no kind for URIs it cannot read', () => {
    expect(kindOf('file://host/share/.env')).toBeNull();
    expect(kindOf('file:///repo/%E0%A4%A/.env')).toBeNull();
  });
});
