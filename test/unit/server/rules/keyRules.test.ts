import { describe, expect, it } from 'vitest';
import { extractContinueYaml } from '../../../../src/server/formats/continueYaml';
import { extractDotenv } from '../../../../src/server/formats/dotenvFile';
import { extractTabbyToml } from '../../../../src/server/formats/tabbyToml';
import { isKeyReference, keyFindings } from '../../../../src/server/rules/keyRules';
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

  it('catches Continue sending a console key to the codestral host when apiBase is missing', () => {
    const source = continueConfig(['model: codestral-2508', `apiKey: ${FAKE_KEY}`, 'roles: [autocomplete]']);
    const [finding] = keyFindings(extractContinueYaml(source), ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'console' } }));
    expect(finding).toMatchObject({ code: 'continue-codestral-autodetect', severity: 'warning' });
    const fix = finding?.fixes[0];
    expect(fix?.kind).toBe('edit');
    if (fix?.kind !== 'edit') return;
    expect(fix.title).toBe('Set apiBase to https://api.mistral.ai/v1');
    const edit = fix.edits[0]!;
    const edited = source.slice(0, edit.span.start) + edit.newText + source.slice(edit.span.end);
    expect(edited).toContain('    model: codestral-2508\n    apiBase: https://api.mistral.ai/v1\n    apiKey:');
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
