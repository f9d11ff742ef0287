import { describe, expect, it } from 'vitest';
import { extractContinueYaml } from '../../../../src/server/formats/continueYaml';
import { extractVscodeSettings } from '../../../../src/server/formats/vscodeSettings';
import { baseUrlFindings } from '../../../../src/server/rules/baseUrlRules';

const continueWith = (apiBase: string) => `models:\n  - provider: mistral\n    model: codestral-2508\n    apiBase: ${apiBase}\n`;

function firstFix(source: string, findings: ReturnType<typeof baseUrlFindings>): string | null {
  const fix = findings[0]?.fixes[0];
  if (fix?.kind !== 'edit') return null;
  const edit = fix.edits[0]!;
  return source.slice(0, edit.span.start) + edit.newText + source.slice(edit.span.end);
}

describe('baseUrlFindings', () => {
  it('accepts the forms each tool wants', () => {
    expect(baseUrlFindings(extractContinueYaml(continueWith('https://codestral.mistral.ai/v1/')))).toEqual([]);
    expect(baseUrlFindings(extractContinueYaml(continueWith('http://127.0.0.1:8080')))).toEqual([]);
    expect(baseUrlFindings(extractVscodeSettings('{"mistralKeyDoctor.apiBaseUrl": "https://api.eu.mistral.ai"}'))).toEqual([]);
  });

  it('asks Continue for /v1 and the SDK settings for none', () => {
    const source = continueWith('https://codestral.mistral.ai');
    const findings = baseUrlFindings(extractContinueYaml(source));
    expect(findings[0]).toMatchObject({ code: 'base-url-missing-v1', severity: 'warning' });
    expect(firstFix(source, findings)).toContain('apiBase: https://codestral.mistral.ai/v1\n');
    const settings = '{ "mistralKeyDoctor.codestralBaseUrl": "https://codestral.mistral.ai/v1" }';
    const settingsFindings = baseUrlFindings(extractVscodeSettings(settings));
    expect(settingsFindings[0]).toMatchObject({ code: 'base-url-extra-v1' });
    expect(firstFix(settings, settingsFindings)).toBe('{ "mistralKeyDoctor.codestralBaseUrl": "https://codestral.mistral.ai" }');
  });

  it('errors on http to a remote host and on host names Mistral does not use', () => {
    const insecure = continueWith('http://api.mistral.ai/v1');
    const insecureFindings = baseUrlFindings(extractContinueYaml(insecure));
    expect(insecureFindings[0]).toMatchObject({ code: 'base-url-insecure', severity: 'error' });
    expect(firstFix(insecure, insecureFindings)).toContain('apiBase: https://api.mistral.ai/v1\n');
    const wrongHost = continueWith('https://codestral.mistral.com/v1');
    const hostFindings = baseUrlFindings(extractContinueYaml(wrongHost));
    expect(hostFindings[0]).toMatchObject({ code: 'base-url-unknown-host', severity: 'error' });
    expect(firstFix(wrongHost, hostFindings)).toContain('apiBase: https://codestral.mistral.ai/v1\n');
  });

  it('leaves proxies and other hosts alone', () => {
    expect(baseUrlFindings(extractContinueYaml(continueWith('https://llm-proxy.example.com/mistral')))).toEqual([]);
    expect(baseUrlFindings(extractContinueYaml(continueWith('https://mistral-gateway.example.com/v1')))).toEqual([]);
  });
});
