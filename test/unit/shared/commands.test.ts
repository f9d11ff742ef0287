import { describe, expect, it } from 'vitest';
import manifest from '../../../package.json';
import { COMMANDS } from '../../../src/shared/commands';

const known = new Set<string>(Object.values(COMMANDS));

describe('COMMANDS', () => {
  it('are exactly the commands package.json contributes', () => {
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual([...known].sort());
  });

  it('cover every command package.json names in menus and walkthrough steps', () => {
    const inMenus = Object.values(manifest.contributes.menus).flat().map((item) => item.command);
    const inWalkthroughs = manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => s.completionEvents))
      .filter((event) => event.startsWith('onCommand:')).map((event) => event.replace(/^onCommand:/, ''));
    for (const id of [...inMenus, ...inWalkthroughs]) expect(known, id).toContain(id);
  });

  it('ticks "Store your key" once a key is saved, not when the key box opens', () => {
    const step = manifest.contributes.walkthroughs[0]!.steps.find((s) => s.id === 'setKey')!;
    expect(step.completionEvents).toEqual(['onContext:mistralKeyDoctor.keyStored']);
  });
});
