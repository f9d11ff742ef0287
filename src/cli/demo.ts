// `mistral-key-doctor demo`: the real check against the embedded emulator, one case per problem,
// so anyone can see every diagnosis without a key and without leaving this machine.
import { checkKey } from '../core/check';
import { MISTRAL_KEY_VARIABLE } from '../core/catalogue/keyVariables';
import { API_HOSTNAME, CODESTRAL_HOSTNAME } from '../core/hosts';
import { fingerprint, inspectKey } from '../core/hygiene';
import { t } from '../core/l10n';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import { DEMO_CASES, startEmulator } from '../emulator';
import type { CliContext } from './context';
import { printDiagnosis } from './printDiagnosis';

const DEMO_TIMEOUT_MS = 3_000;

export async function runDemo(ctx: CliContext): Promise<number> {
  const emulator = await startEmulator();
  try {
    ctx.output.out(`${t('DEMO: these checks run against a local emulator of {0}, {1} and the console on {2}, with made-up keys. Nothing is sent to Mistral.', API_HOSTNAME, CODESTRAL_HOSTNAME, new URL(emulator.apiUrl).hostname)}\n`);
    for (const [index, demo] of DEMO_CASES.entries()) {
      const cleanedKey = inspectKey(demo.key).key;
      ctx.output.hide(demo.key, fingerprint(cleanedKey));
      emulator.setScenario(demo.scenario);
      emulator.resetKeys();
      const diagnosis = await checkKey({
        rawKey: demo.key, target: demo.target, model: demo.model, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
        consoleUrl: emulator.consoleUrl, tool: demo.tool,
        timeoutMs: DEMO_TIMEOUT_MS, keyAgeMs: demo.keyAgeMs, preferredCodestralModel: DEFAULT_PREFERRED_CODESTRAL_MODEL,
      });
      ctx.output.out(`\n=== ${t('Demo {0} of {1}: {2}', String(index + 1), String(DEMO_CASES.length), demo.title)} ===\n`);
      printDiagnosis(diagnosis, { json: false, source: null }, ctx);
    }
    ctx.output.out(`\n${t('End of the demo. To check your own key: {0}=… mistral-key-doctor check (or npm run doctor).', MISTRAL_KEY_VARIABLE)}\n`);
    return 0;
  } finally {
    await emulator.close();
  }
}
