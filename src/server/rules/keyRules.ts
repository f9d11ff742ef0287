// Keys written in config files: hygiene, the kind the last probe learnt vs the host this config
// sends it to, Continue's codestral autodetection trap, and keys committed to git.
import type { HostId, KeyKind } from '../../core/diagnosis';
import { inspectKey } from '../../core/hygiene';
import { t } from '../../core/l10n';
import { CONSOLE_API_KEYS_URL, CONSOLE_CODESTRAL_URL } from '../../core/links';
import type { ConfigEntry, ConfigFacts, TextValue } from '../configFacts';
import { baseUrlFor, hostOfBaseUrl } from '../mistralHosts';
import type { Finding, FixProposal, RuleContext } from './finding';

/** `${{ secrets.NAME }}`, `${NAME}`, `$NAME`: the key lives elsewhere, nothing to say about it here. */
export function isKeyReference(value: string): boolean {
  return /^\s*(\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|env:[A-Za-z_]+)\s*$/.test(value);
}

export function literalKey(entry: ConfigEntry): TextValue | null {
  return entry.apiKey && entry.apiKey.value.trim() !== '' && !isKeyReference(entry.apiKey.value) ? entry.apiKey : null;
}

export function keyFindings(facts: ConfigFacts, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const entry of facts.entries) {
    const key = literalKey(entry);
    if (!key) continue;
    const inspected = inspectKey(key.value);
    if (inspected.report.findings.length > 0) {
      findings.push({
        code: 'key-hygiene', severity: 'error', span: key.span, fixes: [],
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

function sentTo(entry: ConfigEntry): HostId | null {
  return entry.apiBase ? hostOfBaseUrl(entry.apiBase.value) : entry.defaultHost;
}

function kindFinding(entry: ConfigEntry, key: TextValue, kind: KeyKind, fingerprint: string): Finding | null {
  const host = sentTo(entry);
  const rightHost: HostId | null = kind === 'console' ? 'api' : kind === 'codestral' ? 'codestral' : null;
  if (host === null || rightHost === null || host === rightHost) return null;
  const fixes = baseUrlFixes(entry, rightHost);
  if (entry.tool === 'continue' && !entry.apiBase && kind === 'console') {
    return {
      code: 'continue-codestral-autodetect', severity: 'warning', span: key.span, fixes, href: CONSOLE_API_KEYS_URL,
      message: t('Continue sends codestral models with no apiBase to codestral.mistral.ai, where this console key ({0}) gets 401, which Continue reports as a Codestral key problem. Set apiBase to {1}.', fingerprint, baseUrlFor('api', entry.convention)),
    };
  }
  return {
    code: 'key-kind-mismatch', severity: 'error', span: key.span, fixes,
    href: kind === 'console' ? CONSOLE_CODESTRAL_URL : CONSOLE_API_KEYS_URL,
    message: entry.tool === 'dotenv' || entry.tool === 'litellm' ? variableMismatch(kind, fingerprint) : kind === 'console'
      ? t('The last check found that this key ({0}) is a console key, accepted only by api.mistral.ai, but this config sends it to codestral.mistral.ai. Point it at {1}, or use a Codestral key.', fingerprint, baseUrlFor('api', entry.convention))
      : t('The last check found that this key ({0}) is a Codestral key, accepted only by codestral.mistral.ai, but this config sends it to api.mistral.ai. Point it at {1}, or create a console key on the API keys page.', fingerprint, baseUrlFor('codestral', entry.convention)),
  };
}

/** litellm, aider and Vibe pick the host from the variable (or `mistral=` / `codestral=` entry) holding the key. */
function variableMismatch(kind: KeyKind, fingerprint: string): string {
  return kind === 'console'
    ? t('The last check found that this key ({0}) is a console key, accepted only by api.mistral.ai, but it is set for the codestral host (CODESTRAL_API_KEY, codestral/ models). Use it as MISTRAL_API_KEY with mistral/ models, or use a Codestral key.', fingerprint)
    : t('The last check found that this key ({0}) is a Codestral key, accepted only by codestral.mistral.ai, but it is set for the api host (MISTRAL_API_KEY, mistral/ models, Mistral Vibe). Use it as CODESTRAL_API_KEY with codestral/ models, or create a console key on the API keys page.', fingerprint);
}

function baseUrlFixes(entry: ConfigEntry, host: HostId): FixProposal[] {
  if (!entry.apiBaseField) return [];
  const url = baseUrlFor(host, entry.convention);
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
  const fixes: FixProposal[] = entry.tool === 'continue'
    ? [{ kind: 'move-key-to-env', key, preferred: false }]
    : [];
  return {
    code: 'key-in-tracked-file', severity: 'warning', span: key.span, fixes,
    message: t('The key is written in plain text in a file that git tracks: anyone with the repository can use it. Move it to a .env file that git ignores.'),
  };
}
