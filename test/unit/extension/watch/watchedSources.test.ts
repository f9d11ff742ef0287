import { describe, expect, it } from 'vitest';
import { isWatchedSourceId, keyOwnerName, sourcePlaceName, watchPatterns, WATCHED_SOURCE_IDS } from '../../../../src/extension/watch/watchedSources';

const HOME = '/home/ada';

describe('watchPatterns', () => {
  it('watches the files the tools table names for Continue: home folder files and workspace ones', () => {
    const patterns = watchPatterns('continue', HOME, ['/work/app']);
    expect(patterns.filter((p) => !p.inWorkspace).map((p) => [p.base, p.glob, p.display])).toEqual([
      ['/home/ada/.continue', 'config.yaml', '~/.continue/config.yaml'],
      ['/home/ada/.continue', '.env', '~/.continue/.env'],
      ['/home/ada/.continue', 'config.json', '~/.continue/config.json'],
    ]);
    expect(patterns.filter((p) => p.inWorkspace).map((p) => [p.base, p.glob, p.display])).toEqual([
      ['/work/app', '.continue/**', 'app/.continue/**'],
      ['/work/app', '.continuerc.json', 'app/.continuerc.json'],
      ['/work/app', '.env', 'app/.env'],
    ]);
  });

  it('watches ~/.vibe/.env and the model file for Vibe, ~/.cline/data/secrets.json for Cline', () => {
    expect(watchPatterns('vibe', HOME, []).map((p) => p.display)).toEqual(['~/.vibe/.env', '~/.vibe/config.toml']);
    expect(watchPatterns('cline', HOME, ['/work/app']).map((p) => p.display)).toEqual(['~/.cline/data/secrets.json']);
  });

  it('has no workspace file without a workspace folder, and no file at all for the environment', () => {
    expect(watchPatterns('dotenv', HOME, [])).toEqual([]);
    expect(watchPatterns('dotenv', HOME, ['/work/app']).map((p) => p.display)).toEqual(['app/.env']);
    expect(watchPatterns('env', HOME, ['/work/app'])).toEqual([]);
  });

  it('watches no home file when the home folder is unknown', () => {
    expect(watchPatterns('tabby', '', [])).toEqual([]);
  });
});

describe('source names', () => {
  it('names whose key a row speaks of and the place the consent question asks about', () => {
    expect(keyOwnerName('continue')).toBe("Continue's key");
    expect(keyOwnerName('stored')).toBe('The stored key');
    expect(sourcePlaceName('vibe')).toBe("Mistral Vibe's files");
    expect(sourcePlaceName('dotenv')).toBe("the workspace's .env files");
  });

  it('knows its own ids only', () => {
    expect(WATCHED_SOURCE_IDS.every(isWatchedSourceId)).toBe(true);
    expect(isWatchedSourceId('stored')).toBe(false);
    expect(isWatchedSourceId(3)).toBe(false);
  });
});
