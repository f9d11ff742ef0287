import { describe, expect, it } from 'vitest';
import { extractContinueYaml } from '../../../../src/server/formats/continueYaml';
import { extractDotenv } from '../../../../src/server/formats/dotenvFile';
import { extractTabbyToml } from '../../../../src/server/formats/tabbyToml';
import { isKeyReference, isPlaceholderKey, keyFindings } from '../../../../src/server/rules/keyRules';
import { FAKE_FINGERPRINT, FAKE_KEY, ruleContext } from '../ruleContext';

const continueConfig = (lines: string[]) => ['models:', '  - name: Codestral', '    provider: mistral', ...lines.map((line) => `    ${line}`), ''].join('\n');

describe('keyFindings', () => {
  it('flags a key that fails hygiene, naming it by fingerprint only', () => {
    const source = continueConfig(['model: codestral-2508', `apiKey: "Bearer ${FAKE_KEY} "`]);
    const findings = keyFindings(extractContinueYaml(source), ruleContext());
    expect(findings.map((f) => f.code)).toEqual(['key-hygiene']);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.message).toContain(FAKE_FINGERPRINT);
    expect(findings[0]?.message).toContain('Bearer');
    expect(findings[0]?.message).not.toContain(FAKE_KEY);
  });

  it('ignores references to secrets and a clean key nobody has probed', () => {
    const referenced = continueConfig(['model: codestral-2508', 'apiKey: ${{ secrets.MISTRAL_API_KEY }}']);
    expect(keyFindings(extractContinueYaml(referenced), ruleContext({ gitTracked: true }))).toEqual([]);
    const clean = continueConfig(['model: codestral-2508', `apiKey: ${FAKE_KEY}`]);
    expect(keyFindings(extractContinueYaml(clean), ruleContext())).toEqual([]);
    expect(isKeyReference('${MISTRAL_API_KEY}')).toBe(true);
    expect(isKeyReference(FAKE_KEY)).toBe(false);
  });

  it('knows that today\'s Continue finds the host itself for a codestral model with no apiBase', () => {
    const source = continueConfig(['model: codestral-2508', `apiKey: ${FAKE_KEY}`, 'roles: [autocomplete]']);
    for (const kind of ['console', 'codestral'] as const) {
      expect(keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: kind } }))).toEqual([]);
    }
    const [finding] = keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'rejected' } }));
    expect(finding).toMatchObject({ code: 'continue-codestral-autodetect', severity: 'error', fixes: [] });
    expect(finding?.message).toContain('no Mistral host accepts this key');
  });

  it('names 2026 key types and never tells the user to get a Codestral key', () => {
    const toApi = continueConfig(['model: mistral-large-latest', 'apiBase: https://api.mistral.ai/v1', `apiKey: ${FAKE_KEY}`]);
    const [legacy] = keyFindings(extractContinueYaml(toApi), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'codestral' } }));
    expect(legacy?.message).toContain('legacy Mistral Code key');
    expect(legacy?.message).toContain('Studio key');
    const toCodestral = continueConfig(['model: codestral-2508', 'apiBase: https://codestral.mistral.ai/v1', `apiKey: ${FAKE_KEY}`]);
    const [studio] = keyFindings(extractContinueYaml(toCodestral), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'console' } }));
    expect(studio?.message).toContain('Studio key');
    const env = extractDotenv(`CODESTRAL_API_KEY=${FAKE_KEY}\n`);
    const [variable] = keyFindings(env, ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'console' } }));
    for (const finding of [legacy, studio, variable]) {
      expect(finding?.code).toBe('key-kind-mismatch');
      expect(finding?.message).not.toMatch(/use a Codestral key|create a console key|Codestral page/i);
      expect(finding?.href).toBe('https://console.mistral.ai/api-keys');
    }
  });

  it('lets the key decide for any Mistral model with no apiBase, as Continue 1.3 does (api first, Codestral after a 401)', () => {
    const source = continueConfig(['model: open-codestral-mamba', `apiKey: ${FAKE_KEY}`]);
    const [refused] = keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'rejected' } }));
    expect(refused).toMatchObject({ code: 'continue-codestral-autodetect' });
    // A legacy key works there: Continue falls back to the Codestral host after the api host's 401.
    expect(keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'codestral' } }))).toEqual([]);
  });

  it('takes ${CODESTRAL_API_KEY} in Continue YAML as the literal it is, and offers the secrets syntax', () => {
    const source = continueConfig(['model: codestral-2508', 'apiKey: ${CODESTRAL_API_KEY}']);
    const [finding] = keyFindings(extractContinueYaml(source), ruleContext());
    expect(finding).toMatchObject({ code: 'key-unexpanded-reference', severity: 'error' });
    const fix = finding?.fixes[0];
    expect(fix?.kind === 'edit' && fix.edits[0]?.newText).toBe('${{ secrets.CODESTRAL_API_KEY }}');
    expect(isKeyReference('${CODESTRAL_API_KEY}', 'continue-secrets')).toBe(false);
    expect(isKeyReference('${{ secrets.CODESTRAL_API_KEY }}', 'continue-secrets')).toBe(true);
  });

  it('calls placeholders information, not errors', () => {
    for (const placeholder of ['your-mistral-api-key', '<YOUR_KEY>', 'sk-...', 'xxxxxxxx', 'MISTRAL_API_KEY_HERE']) {
      const findings = keyFindings(extractDotenv(`MISTRAL_API_KEY=${placeholder}\n`), ruleContext({ gitTracked: true }));
      expect(findings.map((f) => [f.code, f.severity]), placeholder).toEqual([['key-placeholder', 'information']]);
    }
    expect(isPlaceholderKey(FAKE_KEY)).toBe(false);
  });

  it('keeps hygiene findings of an example file at information', () => {
    const [finding] = keyFindings(extractDotenv(`MISTRAL_API_KEY="Bearer ${FAKE_KEY}"\n`), ruleContext({ exampleFile: true }));
    expect(finding).toMatchObject({ code: 'key-hygiene', severity: 'information' });
  });

  it('errors when a Codestral key is sent to the api host, and points apiBase at the codestral host', () => {
    const source = continueConfig(['model: mistral-large-latest', 'apiBase: https://api.mistral.ai/v1', `apiKey: ${FAKE_KEY}`]);
    const [finding] = keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'codestral' } }));
    expect(finding).toMatchObject({ code: 'key-kind-mismatch', severity: 'error', href: 'https://console.mistral.ai/api-keys' });
    expect(finding?.fixes[0]).toMatchObject({ edits: [{ newText: 'https://codestral.mistral.ai/v1' }] });
  });

  it('has no opinion when the key works on both hosts or the kind is unknown', () => {
    const source = continueConfig(['model: codestral-2508', `apiKey: ${FAKE_KEY}`]);
    expect(keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'both' } }))).toEqual([]);
  });

  it('checks Tabby endpoints and .env variable names against the learnt kind', () => {
    const tabby = `[model.completion.http]\nkind = "mistral/completion"\napi_endpoint = "https://codestral.mistral.ai"\napi_key = "${FAKE_KEY}"\n`;
    const [tabbyFinding] = keyFindings(extractTabbyToml(tabby), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'console' } }));
    expect(tabbyFinding).toMatchObject({ code: 'key-kind-mismatch' });
    expect(tabbyFinding?.fixes[0]).toMatchObject({ title: 'Set api_endpoint to https://api.mistral.ai/v1' });
    const [envFinding] = keyFindings(extractDotenv(`CODESTRAL_API_KEY=${FAKE_KEY}\n`), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'console' } }));
    expect(envFinding).toMatchObject({ code: 'key-kind-mismatch', fixes: [] });
    expect(envFinding?.message).toContain('Use it as MISTRAL_API_KEY with mistral/ models');
  });

  it('warns about a key in a git-tracked file and offers to move it to .env', () => {
    const source = continueConfig(['model: codestral-2508', `apiKey: ${FAKE_KEY}`]);
    const [finding] = keyFindings(extractContinueYaml(source), ruleContext({ gitTracked: true }));
    expect(finding).toMatchObject({ code: 'key-in-tracked-file', severity: 'warning' });
    expect(finding?.fixes).toMatchObject([{ kind: 'move-key-to-env', preferred: false }]);
    const [envFinding] = keyFindings(extractDotenv(`MISTRAL_API_KEY=${FAKE_KEY}\n`), ruleContext({ gitTracked: true }));
    expect(envFinding).toMatchObject({ code: 'env-file-tracked', fixes: [] });
  });
});
