import { describe, expect, it } from 'vitest';
import { ResultMemory } from '../../../../src/extension/panel/resultMemory';
import { codestralKeyForCline, resultFor } from '../diagnosisFixtures';
import { fakeMemento } from '../fakeContext';

describe('ResultMemory', () => {
  it('keeps the last result without the live models list, and forgets it on request', async () => {
    const { memento, values } = fakeMemento();
    const memory = new ResultMemory(memento);
    const result = resultFor({ ...codestralKeyForCline(), liveModels: [] });
    await memory.keep(result);
    expect(memory.read()?.diagnosis.key.fingerprint).toBe('AbCd…WxYz');
    expect(JSON.stringify([...values.values()])).not.toContain('liveModels');
    await memory.keep(null);
    expect(memory.read()).toBeNull();
  });

  it('gives a result kept by an older version, without a headline, the headline of its cause', async () => {
    const { memento } = fakeMemento();
    const { headline: _none, ...older } = codestralKeyForCline();
    await memento.update('mistralKeyDoctor.lastResult', { ...resultFor(codestralKeyForCline()), diagnosis: older });
    expect(new ResultMemory(memento).read()?.diagnosis.headline).toBe('It does not work for Cline.');
  });

  it('ignores a stored value of another shape', async () => {
    const { memento } = fakeMemento();
    await memento.update('mistralKeyDoctor.lastResult', { diagnosis: 'nope' });
    expect(new ResultMemory(memento).read()).toBeNull();
  });
});
