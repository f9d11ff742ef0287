// Keys written in config files: references the tool does not expand, placeholders, hygiene, the
// kind the last probe learnt vs the host this config sends it to, Continue's autodetection when no
// host accepts the key, and keys committed to git.
import type { HostId, KeyKind, Target } from '../../core/diagnosis';
import { CODESTRAL_KEY_VARIABLE, MISTRAL_KEY_VARIABLE } from '../../core/catalogue/keyVariables';
import { inspectKey } from '../../core/hygiene';
import { t } from '../../core/l10n';
import { API_HOSTNAME, CODESTRAL_HOSTNAME } from '../../core/hosts';
import { CONSOLE_API_KEYS_URL } from '../../core/links';
import type { ConfigEntry, ConfigFacts, ReferenceSyntax, TextValue } from '../configFacts';
import { defaultBaseUrl, mistralHostOf } from '../../core/hosts';
import type { Finding, FixProposal, RuleContext } from './finding';

const CONTINUE_SECRET = /^\s*\$\{\{[^}]*\}\}\s*$/;
const ENVIRONMENT_REFERENCE = /^\s*(\$\{\{[^}]*\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|env:[A-Za-z_]+)\s*$/;
const SHELL_STYLE = /^\s*\$\{([A-Za-z_][A-Za-z0-9_]*)\}\s*$|^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*$/;
/** Words and shapes people leave in example configs; a real key is 32 letters and digits. */
const PLACEHOLDER = /your|xxx|<[^>]*>|\.\.\.|…|change[-_ ]?me|placeholder|example|replace|insert|dummy|redacted|api[-_ ]?key|\*{3,}|^(.)\1*$/i;

/** `${{ secrets.NAME }}` (Continue YAML), or for tools that read the environment `${NAME}`, `$NAME`, `env:NAME`. */
export function isKeyReference(value: string, syntax: ReferenceSyntax = 'environment'): boolean {
  if (syntax === 'none') return false;
  return (syntax === 'continue-secrets' ? CONTINUE_SECRET : ENVIRONMENT_REFERENCE).test(value);
}

export function isPlaceholderKey(value: string): boolean {
  return !/^[A-Za-z0-9]{32}$/.test(value.trim()) && PLACEHOLDER.test(value.trim());
}

/** A key written as its value (not a reference the tool expands, not a placeholder). */
export function literalKey(entry: ConfigEntry): TextValue | null {
  const key = entry.apiKey;
  if (!key || key.value.trim() === '' || isKeyReference(key.value, entry.referenceSyntax)) return null;
  return SHELL_STYLE.test(key.value) || isPlaceholderKey(key.value) ? null : key;
}

export function keyFindings(facts: ConfigFacts, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of facts.entries) {
    const written = entry.apiKey;
    if (!written || written.value.trim() === '' || isKeyReference(written.value, entry.referenceSyntax)) continue;
    const unexpanded = SHELL_STYLE.exec(written.value);
    if (unexpanded) {
      findings.push(unexpandedReference(entry, written, unexpanded[1] ?? unexpanded[2] ?? ''));
      continue;
    }
    if (isPlaceholderKey(written.value)) {
      findings.push({
        code: 'key-placeholder', severity: 'information', span: written.span, fixes: [], href: CONSOLE_API_KEYS_URL,
        message: t('{0} is a placeholder, not a key: put your Mistral key here (or in a .env file git ignores) before the tool can use it.', written.value.trim()),
      });
      continue;
    }
    const key = written;
    const inspected = inspectKey(key.value);
    if (inspected.report.findings.length > 0) {
      findings.push({
        code: 'key-hygiene', severity: ctx.exampleFile ? 'information' : 'error', span: key.span, fixes: [],
        message: t('This key ({0}) will be refused: {1}', inspected.report.fingerprint,
          inspected.report.findings.map((finding) => finding.message).join(' ')),
      });
    }
    const kind = ctx.keyKindOf(inspected.report.fingerprint);
    const mismatch = kind ? kindFinding(entry, key, kind, inspected.report.fingerprint) : null;
    if (mismatch) findings.push(mismatch);
    if (ctx.gitTracked) findings.push(trackedFinding(entry, key));
  }
  return findings;
}

/** Continue expands only `${{ secrets.NAME }}` (YAML); `${NAME}` or `$NAME` is sent as the key itself. */
function unexpandedReference(entry: ConfigEntry, written: TextValue, name: string): Finding {
  const replacement = `\${{ secrets.${name} }}`;
  const fixes: FixProposal[] = entry.referenceSyntax === 'continue-secrets'
    ? [{ kind: 'edit', title: t('Use {0}', replacement), edits: [{ span: written.inner, newText: replacement }], preferred: true }]
    : [];
  return {
    code: 'key-unexpanded-reference', severity: 'error', span: written.span, fixes,
    message: entry.referenceSyntax === 'continue-secrets'
      ? t('Continue sends {0} as the key itself: it expands only ${{ secrets.NAME }} (from .env files), never ${NAME} or $NAME. Write {1}.', written.value.trim(), replacement)
      : t('Continue sends {0} as the key itself: config.json expands no references. Write the key here, or move to config.yaml and use ${{ secrets.NAME }}.', written.value.trim()),
  };
}

function sentTo(entry: ConfigEntry): Target | null {
  return entry.apiBase ? mistralHostOf(entry.apiBase.value) : entry.defaultHost;
}

function kindFinding(entry: ConfigEntry, key: TextValue, kind: KeyKind, fingerprint: string): Finding | null {
  const host = sentTo(entry);
  if (host === 'auto') return kind === 'rejected' ? autodetectFinding(key, fingerprint) : null;
  const rightHost = kind === 'console' ? 'api' : kind === 'codestral' ? 'codestral' : null;
  if (host === null || rightHost === null || host === rightHost) return null;
  const fixes = baseUrlFixes(entry, rightHost);
  return {
    code: 'key-kind-mismatch', severity: 'error', span: key.span, fixes,
    href: CONSOLE_API_KEYS_URL,
    message: entry.tool === 'dotenv' || entry.tool === 'litellm' ? variableMismatch(kind, fingerprint) : kind === 'console'
      ? t('The last check found that this key ({0}) is a Studio key, accepted only by {1}, but this config sends it to {2}. Point it at {3}.', fingerprint, API_HOSTNAME, CODESTRAL_HOSTNAME, defaultBaseUrl('api', entry.convention))
      : t('The last check found that this key ({0}) is a legacy Mistral Code key, accepted only by {1}, but this config sends it to {2}. Point it at {3} to keep using it, or replace it with a Studio key from the API keys page.', fingerprint, CODESTRAL_HOSTNAME, API_HOSTNAME, defaultBaseUrl('codestral', entry.convention)),
  };
}

/**
 * Today's Continue tries the api host first for a "codestral" model with no apiBase and moves to
 * the Codestral host after a 401 there, so any working key finds its host. A key neither host
 * accepts gets Continue's "wrong key type" message, which sends users after the wrong problem.
 */
function autodetectFinding(key: TextValue, fingerprint: string): Finding {
  return {
    code: 'continue-codestral-autodetect', severity: 'error', span: key.span, fixes: [], href: CONSOLE_API_KEYS_URL,
    message: t('The last check found that no Mistral host accepts this key ({0}). Continue will call it the wrong key type ("You are using a Mistral API key…") after trying {1} and then {2}, but the key itself is refused: create a new Studio key on the API keys page.', fingerprint, API_HOSTNAME, CODESTRAL_HOSTNAME),
  };
}

/** litellm, aider and Vibe pick the host from the variable (or `mistral=` / `codestral=` entry) holding the key. */
function variableMismatch(kind: KeyKind, fingerprint: string): string {
  return kind === 'console'
    ? t('The last check found that this key ({0}) is a Studio key, accepted only by {1}, but it is set for the Codestral host ({2}, codestral/ models). Use it as {3} with mistral/ models.', fingerprint, API_HOSTNAME, CODESTRAL_KEY_VARIABLE, MISTRAL_KEY_VARIABLE)
    : t('The last check found that this key ({0}) is a legacy Mistral Code key, accepted only by {1}, but it is set for the api host ({2}, mistral/ models, Mistral Vibe). Use it as {3} with codestral/ models, or replace it with a Studio key from the API keys page.', fingerprint, CODESTRAL_HOSTNAME, MISTRAL_KEY_VARIABLE, CODESTRAL_KEY_VARIABLE);
}

function baseUrlFixes(entry: ConfigEntry, host: HostId): FixProposal[] {
  if (!entry.apiBaseField) return [];
  const url = defaultBaseUrl(host, entry.convention);
  const title = t('Set {0} to {1}', entry.apiBaseField, url);
  if (entry.apiBase) return [{ kind: 'edit', title, edits: [{ span: entry.apiBase.inner, newText: url }], preferred: true }];
  if (!entry.apiBaseInsertion) return [];
  const { offset, render } = entry.apiBaseInsertion;
  return [{ kind: 'edit', title, edits: [{ span: { start: offset, end: offset }, newText: render(entry.apiBaseField, url) }], preferred: true }];
}

function trackedFinding(entry: ConfigEntry, key: TextValue): Finding {
  if (entry.tool === 'dotenv') {
    return {
      code: 'env-file-tracked', severity: 'warning', span: key.span, fixes: [],
      message: t('git tracks this .env file, so the key is in the repository history. Run "git rm --cached" on it, add it to .gitignore, and replace the key on the console.'),
    };
  }
  const fixes: FixProposal[] = entry.keyMovable ? [{ kind: 'move-key-to-env', key, preferred: false }] : [];
  return {
    code: 'key-in-tracked-file', severity: 'warning', span: key.span, fixes,
    message: t('The key is written in plain text in a file that git tracks: anyone with the repository can use it. Move it to a .env file that git ignores.'),
  };
}
