import { describe, expect, it } from 'vitest';
import { isWatchedSourceId, keyOwnerName, sourcePlaceName, watchPatterns, WATCHED_SOURCE_IDS } from '../../../../src/extension/watch/watchedSources';

const HOME = '/home/ada';

describe('watchPatterns', () => {
  it('watches the files the tools catalogue names for Continue: home folder files (its configs/ folder too) and workspace ones', () => {
    const patterns = watchPatterns('continue', HOME, ['/work/app']);
    expect(patterns.filter((p) => !p.inWorkspace).map((p) => [p.base, p.glob, p.display])).toEqual([
      ['/home/ada/.continue', 'config.yaml', '~/.continue/config.yaml'],
      ['/home/ada/.continue/configs', '*.yaml', '~/.continue/configs/*.yaml'],
      ['/home/ada/.continue', '.env', '~/.continue/.env'],
      ['/home/ada/.continue', 'config.json', '~/.continue/config.json'],
    ]);
    expect(patterns.filter((p) => p.inWorkspace).map((p) => [p.base, p.glob, p.display])).toEqual([
      ['/work/app', '.continue/**', 'app/.continue/**'],
      ['/work/app', '.continuerc.json', 'app/.continuerc.json'],
      ['/work/app', '.env', 'app/.env'],
    ]);
  });

  it('watches ~/.vibe/.env and the model file for Vibe; Cline 3\'s secrets.json and globalState.json and Cline 4\'s providers.json', () => {
    expect(watchPatterns('vibe', HOME, []).map((p) => p.display)).toEqual(['~/.vibe/.env', '~/.vibe/config.toml']);
    expect(watchPatterns('cline', HOME, ['/work/app']).map((p) => p.display)).toEqual([
      '~/.cline/data/secrets.json', '~/.cline/data/globalState.json', '~/.cline/data/settings/providers.json',
    ]);
  });

  it('watches where the finders read: VIBE_HOME, TABBY_ROOT and CONTINUE_GLOBAL_DIR move the files', () => {
    expect(watchPatterns('vibe', HOME, [], { VIBE_HOME: '/srv/vibe' }).map((p) => [p.base, p.glob])).toEqual([
      ['/srv/vibe', '.env'], ['/srv/vibe', 'config.toml'],
    ]);
    expect(watchPatterns('tabby', HOME, [], { TABBY_ROOT: '/data/tabby' }).map((p) => [p.base, p.glob])).toEqual([['/data/tabby', 'config.toml']]);
    expect(watchPatterns('continue', HOME, [], { CONTINUE_GLOBAL_DIR: '/c' }).map((p) => p.base)).toEqual(['/c', '/c/configs', '/c', '/c']);
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
