// Key hygiene: what a pasted key looks like before it is sent anywhere. Mistral keys are 32
// characters [A-Za-z0-9] with no prefix, so anything else is a copy-and-paste accident.
import type { KeyFinding, KeyFindingId, KeyReport } from './diagnosis';
import { t } from './l10n';

export const KEY_LENGTH = 32;

export interface InspectedKey {
  /** The key to send: surrounding whitespace, quotes, `Bearer ` and zero-width characters removed. */
  key: string;
  report: KeyReport;
  /** False when nothing should be sent: empty, a masked copy, or characters an HTTP header cannot carry. */
  usable: boolean;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/;
const QUOTES = `"'\`\u201C\u201D\u2018\u2019\u00AB\u00BB`;
const EDGE_QUOTES = new RegExp(`^[${QUOTES}]+|[${QUOTES}]+$`, 'g');
const BEARER = /^bearer(\s+|$)/i;
// The console and the admin API show keys as `abcd...wxyz`; some tools mask with asterisks.
const MASK = /\.{3}|\u2026|\*{3,}/;
// CR, LF, NUL and other controls make fetch refuse the Authorization header outright.
const HEADER_FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const ASCII_PUNCTUATION_OR_CONTROL = /[\u0000-\u0008\u000E-\u001F\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007F]/;

/**
 * Other providers' secret formats. Such a value is never sent to Mistral from any source: a
 * workspace that names the wrong variable must not get a GitHub or cloud token sent out.
 */
const OTHER_PROVIDER_SECRETS: ReadonlyArray<readonly [provider: string, shape: RegExp]> = [
  ['GitHub', /^(gh[pousr]_|github_pat_)/],
  ['GitLab', /^(glpat|gldt|glrt|glptt)-/],
  ['Anthropic', /^sk-ant-/],
  ['OpenAI', /^sk-/],
  ['AWS', /^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/],
  ['Google', /^AIza[0-9A-Za-z_-]{35}$/],
  ['Slack', /^xox[abposr]-/],
  ['Hugging Face', /^hf_/],
  ['Groq', /^gsk_/],
  ['npm', /^npm_/],
  ['Stripe', /^(sk|rk|pk)_(live|test)_/],
];

/** The provider whose secret this value looks like (once cleaned as `inspectKey` does), or null. */
export function otherProviderSecret(value: string): string | null {
  const cleaned = cleanForShape(value);
  return OTHER_PROVIDER_SECRETS.find(([, shape]) => shape.test(cleaned))?.[0] ?? null;
}

/** True for a value with a Mistral key's shape: 32 letters and digits, once cleaned as `inspectKey` does. */
export function looksLikeMistralKey(value: string): boolean {
  return /^[A-Za-z0-9]{32}$/.test(cleanForShape(value));
}

function cleanForShape(value: string): string {
  return inspectKey(value).key;
}

export function inspectKey(raw: string): InspectedKey {
  const findings: KeyFinding[] = [];
  const add = (id: KeyFindingId, blocking = false) => findings.push(finding(id, blocking));

  let key = raw;
  if (ZERO_WIDTH.test(key)) {
    add('zero-width');
    key = key.replace(new RegExp(ZERO_WIDTH.source, 'g'), '');
  }
  let previous: string;
  let trimmed = false;
  let quoted = false;
  let bearer = false;
  // Peel layers in any order: ` "Bearer abc" `, `Bearer "abc"`, `'abc '`.
  do {
    previous = key;
    if (key !== key.trim()) { trimmed = true; key = key.trim(); }
    const unquoted = key.replace(EDGE_QUOTES, '');
    if (unquoted !== key) { quoted = true; key = unquoted; }
    if (BEARER.test(key)) { bearer = true; key = key.replace(BEARER, ''); }
  } while (key !== previous);

  if (key === '') {
    return { key, report: { fingerprint: fingerprint(key), findings: [finding('empty', true)], type: 'unknown', plan: null }, usable: false };
  }
  if (trimmed) add('surrounding-whitespace');
  if (quoted) add('quotes');
  if (bearer) add('bearer-prefix');

  const provider = OTHER_PROVIDER_SECRETS.find(([, shape]) => shape.test(key))?.[0];
  if (provider) findings.push({ id: 'other-provider-secret', message: t("This is a secret in {0}'s format, not a Mistral key: it is never sent.", provider), blocking: true });
  const masked = MASK.test(key);
  if (masked) add('masked-copy', true);
  const whitespace = key.match(/\s/g)?.join('') ?? '';
  if (whitespace) add('inner-whitespace', HEADER_FORBIDDEN.test(whitespace));
  if (/[^\x00-\x7F]/.test(key)) add('non-ascii', true);
  const keyChars = key.replace(/\s/g, '');
  if (!masked && keyChars.length !== KEY_LENGTH) add('wrong-length');
  if (!masked && ASCII_PUNCTUATION_OR_CONTROL.test(keyChars)) add('non-alphanumeric', HEADER_FORBIDDEN.test(keyChars));
  const report: KeyReport = { fingerprint: masked ? maskedFingerprint(key) : fingerprint(key), findings, type: 'unknown', plan: null };
  return { key, report, usable: !findings.some((f) => f.blocking) };
}

function finding(id: KeyFindingId, blocking: boolean): KeyFinding {
  return { id, message: findingMessage(id), blocking };
}

/** Findings that survive cleaning: they travel with the key and can explain a 401. */
export const RESIDUAL_FINDINGS: readonly KeyFindingId[] = ['inner-whitespace', 'wrong-length', 'non-alphanumeric'];

export function findingMessage(id: KeyFindingId): string {
  switch (id) {
    case 'empty': return t('The key is empty.');
    case 'surrounding-whitespace': return t('The key had spaces or line breaks before or after it.');
    case 'inner-whitespace': return t('The key contains spaces or line breaks inside it.');
    case 'quotes': return t('The key was wrapped in quotes.');
    case 'bearer-prefix': return t('The key started with "Bearer ": paste the key alone, the tool adds the prefix.');
    case 'masked-copy': return t('This is the masked form of a key (abcd...wxyz), not the key itself: the full key is shown only once, when it is created.');
    case 'zero-width': return t('The key contained invisible zero-width characters.');
    case 'non-ascii': return t('The key contains non-ASCII characters, which cannot be sent in an HTTP header.');
    case 'wrong-length': return t('A Mistral key has 32 characters; this one does not.');
    case 'non-alphanumeric': return t('A Mistral key has only letters and digits; this one has other characters.');
    case 'other-provider-secret': return t("This is another provider's secret (its prefix is GitHub's, OpenAI's, AWS's or similar), not a Mistral key: it is never sent.");
  }
}

/** A masked copy already shows `abcd...wxyz`: its fingerprint is what was pasted, in the usual form. */
function maskedFingerprint(masked: string): string {
  const parts = /^([A-Za-z0-9]{4})(?:\.{3}|\u2026|\*{3,})([A-Za-z0-9]{4})$/.exec(masked);
  return parts ? `${parts[1]}…${parts[2]}` : fingerprint(masked);
}

/**
 * `abcd…wxyz` for a full-length key. Shorter strings show at most a quarter of their characters,
 * so a short secret is never revealed whole.
 */
export function fingerprint(key: string): string {
  const chars = [...key.replace(/[\u0000-\u001F\u007F\s]/g, '')];
  const shown = Math.min(4, Math.floor(chars.length / 8));
  if (shown === 0) return '…';
  return `${chars.slice(0, shown).join('')}…${chars.slice(-shown).join('')}`;
}
