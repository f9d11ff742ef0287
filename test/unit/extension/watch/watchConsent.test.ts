import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { WatchConsent } from '../../../../src/extension/watch/watchConsent';
import { shim } from '../../vscode-shim';
import { fakeMemento } from '../fakeContext';

const settings = () => vscode.workspace.getConfiguration('mistralKeyDoctor');

function consent() {
  const state = fakeMemento();
  return { state, consent: new WatchConsent(state.memento, settings, vscode.ConfigurationTarget.Global) };
}

describe('WatchConsent', () => {
  beforeEach(() => shim.reset());

  it('asks by default, remembers an allowed source in globalState and a declined one in the user setting', async () => {
    const { consent: c, state } = consent();
    expect(c.mode()).toBe('ask');
    expect(c.stateOf('continue')).toBe('ask');
    await c.allow('continue');
    await c.decline('vibe');
    expect(c.stateOf('continue')).toBe('allowed');
    expect(c.stateOf('vibe')).toBe('declined');
    expect(state.values.get('mistralKeyDoctor.watch.allowedSources')).toEqual(['continue']);
    expect(shim.configuration.get('mistralKeyDoctor.watchDeclinedSources')).toEqual(['vibe']);
  });

  it('revokes: "Stop watching" declines an allowed source; allowing it again clears the declined setting', async () => {
    const { consent: c } = consent();
    await c.allow('cline');
    await c.decline('cline');
    expect(c.stateOf('cline')).toBe('declined');
    await c.allow('cline');
    expect(c.stateOf('cline')).toBe('allowed');
    expect(shim.configuration.get('mistralKeyDoctor.watchDeclinedSources')).toBeUndefined();
  });

  it('"always" watches every source not declined; "never" watches none', async () => {
    const { consent: c } = consent();
    await c.decline('tabby');
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'always');
    expect(c.stateOf('continue')).toBe('allowed');
    expect(c.stateOf('tabby')).toBe('declined');
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'never');
    await c.allow('continue');
    expect(c.stateOf('continue')).toBe('declined');
  });

  it('ignores workspace values: a workspace cannot switch the watch on or undo a decline', async () => {
    const { consent: c } = consent();
    await c.decline('dotenv');
    shim.workspaceConfiguration.set('mistralKeyDoctor.watchToolKeys', 'always');
    shim.workspaceConfiguration.set('mistralKeyDoctor.watchDeclinedSources', []);
    expect(c.mode()).toBe('ask');
    expect(c.stateOf('dotenv')).toBe('declined');
  });

  it('reads unknown modes as "ask" and drops unknown source ids from the setting', () => {
    const { consent: c } = consent();
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'sometimes');
    shim.configuration.set('mistralKeyDoctor.watchDeclinedSources', ['vibe', 'github', 7]);
    expect(c.mode()).toBe('ask');
    expect(c.declined()).toEqual(['vibe']);
  });
});
