import { describe, expect, it } from 'vitest';
import { fingerprint, inspectKey, looksLikeMistralKey, otherProviderSecret } from '../../../src/core/hygiene';

const KEY = 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4F';

function ids(raw: string): string[] {
  return inspectKey(raw).report.findings.map((f) => f.id);
}

describe('inspectKey', () => {
  it('finds nothing in a clean 32-character key and sends it as is', () => {
    expect(inspectKey(KEY)).toMatchObject({ key: KEY, usable: true, report: { findings: [] } });
  });

  it.each([
    ['surrounding-whitespace', ` ${KEY}\n`],
    ['inner-whitespace', `${KEY.slice(0, 16)} ${KEY.slice(16)}`],
    ['quotes', `"${KEY}"`],
    ['bearer-prefix', `Bearer ${KEY}`],
    ['masked-copy', 'Ab3d...Cd4F'],
    ['zero-width', `${KEY.slice(0, 10)}\u200B${KEY.slice(10)}`],
    ['non-ascii', `${KEY.slice(0, 31)}é`],
    ['wrong-length', KEY.slice(0, 31)],
    ['non-alphanumeric', `${KEY.slice(0, 31)}-`],
  ])('detects %s alone', (id, raw) => {
    expect(ids(raw)).toEqual([id]);
  });

  it('reports an empty or whitespace-only key as empty and unusable', () => {
    for (const raw of ['', '   \n', '""', 'Bearer  ']) {
      expect(inspectKey(raw)).toMatchObject({ key: '', usable: false, report: { findings: [{ id: 'empty', blocking: true }] } });
    }
  });

  it('cleans surrounding whitespace, quotes, Bearer and zero-width characters in any order', () => {
    const inspected = inspectKey(` 'Bearer "${KEY}\uFEFF"' \r\n`);
    expect(inspected.key).toBe(KEY);
    expect(inspected.usable).toBe(true);
    expect(inspected.report.findings.map((f) => f.id).sort())
      .toEqual(['bearer-prefix', 'quotes', 'surrounding-whitespace', 'zero-width']);
  });

  it('treats both masked forms as unusable', () => {
    expect(inspectKey('Ab3d...Cd4F').usable).toBe(false);
    expect(inspectKey('Ab3d…Cd4F').usable).toBe(false);
  });

  it('refuses to send non-ASCII characters or a line break inside the key', () => {
    expect(inspectKey(`${KEY.slice(0, 31)}é`).usable).toBe(false);
    const broken = inspectKey(`${KEY.slice(0, 16)}\n${KEY.slice(16)}`);
    expect(broken.usable).toBe(false);
    expect(broken.report.findings.map((f) => f.id)).toEqual(['inner-whitespace']);
  });

  it('refuses to send a control character, which no HTTP header can carry', () => {
    const inspected = inspectKey(`${KEY.slice(0, 31)}\u0001`);
    expect(inspected.usable).toBe(false);
    expect(inspected.report.findings.map((f) => f.id)).toEqual(['non-alphanumeric']);
  });

  it('gives the same answer for the same key, call after call', () => {
    const raw = `${KEY.slice(0, 10)}\u200B${KEY.slice(10)}`;
    expect(inspectKey(raw)).toEqual(inspectKey(raw));
    expect(inspectKey(raw).key).toBe(KEY);
  });

  it('still sends a key whose only fault travels with it, so the host can judge it', () => {
    expect(inspectKey(KEY.slice(0, 31)).usable).toBe(true);
    expect(inspectKey(`${KEY.slice(0, 16)} ${KEY.slice(16)}`).usable).toBe(true);
  });

  it('never puts the key in a finding message', () => {
    for (const finding of inspectKey(` "Bearer ${KEY.slice(0, 20)}é-\u200B" `).report.findings) {
      expect(finding.message).not.toContain(KEY.slice(0, 8));
    }
  });
});

describe('fingerprint', () => {
  it('shows the first and last four characters of a full key', () => {
    expect(fingerprint(KEY)).toBe('Ab3d…Cd4F');
    expect(inspectKey(` ${KEY} `).report.fingerprint).toBe('Ab3d…Cd4F');
  });

  it('shows at most a quarter of a short string and never the whole of it', () => {
    expect(fingerprint('abcdefghijklmnop')).toBe('ab…op');
    expect(fingerprint('abcdefgh')).toBe('a…h');
    expect(fingerprint('abcdefg')).toBe('…');
    expect(fingerprint('')).toBe('…');
  });
});

describe('another provider\'s secret', () => {
  it.each([
    ['GitHub', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['GitHub', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    ['OpenAI', 'sk-proj-abcdefghijklmnopqrstuvwxyz012345'],
    ['Anthropic', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz'],
    ['AWS', 'AKIAIOSFODNN7EXAMPLE'],
    ['Slack', 'xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx'],
    ['GitLab', 'glpat-abcdefghijklmnopqrst'],
    ['Google', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
  ])('names %s for %s, even quoted or after Bearer, and never lets it be sent', (provider, secret) => {
    expect(otherProviderSecret(secret)).toBe(provider);
    expect(otherProviderSecret(` "Bearer ${secret}"\n`)).toBe(provider);
    const inspected = inspectKey(secret);
    expect(inspected.usable).toBe(false);
    expect(inspected.report.findings.find((f) => f.id === 'other-provider-secret')).toMatchObject({ blocking: true, message: `This is a secret in ${provider}'s format, not a Mistral key: it is never sent.` });
  });

  it('does not mistake a Mistral-shaped key for one, even one starting with AKIA or AIza', () => {
    for (const key of [KEY, 'AKIAabcdEFGHijklMNOPqrstUVWX1234', 'AIzaabcdEFGHijklMNOPqrstUVWX1234']) {
      expect(otherProviderSecret(key)).toBeNull();
      expect(looksLikeMistralKey(key)).toBe(true);
    }
  });

  it('tells a Mistral-shaped value from one of another length or with other characters', () => {
    expect(looksLikeMistralKey(` '${KEY}'\n`)).toBe(true);
    expect(looksLikeMistralKey(KEY.slice(1))).toBe(false);
    expect(looksLikeMistralKey(`${KEY.slice(1)}-`)).toBe(false);
    expect(looksLikeMistralKey('')).toBe(false);
  });
});
