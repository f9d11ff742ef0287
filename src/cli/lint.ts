// `mistral-key-doctor lint [--json] FILE|DIR...`: the language server's rules on config files, for CI
// and pre-commit hooks. No network and no git (a folder's git config can run commands). Lines
// `path:line:col: severity code message`; exit 1 when an error is found, else 0.
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import { fingerprint, inspectKey } from '../core/hygiene';
import { t } from '../core/l10n';
import { analyzeConfig } from '../server/analyzeConfig';
import type { Finding, RuleContext } from '../server/rules/finding';
import { isExampleFileName } from '../shared/configFiles';
import type { LintOptions } from './args';
import type { CliContext } from './context';
import { EXIT_OK, EXIT_PROBLEM } from './exitCode';
import { planLint, readTarget, type LintTarget, type Skipped } from './lintFiles';
import path from 'node:path';

export interface LintDiagnostic {
  path: string;
  /** 1-based, as compilers print them; the column counts characters. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

export interface LintJson {
  files: string[];
  diagnostics: LintDiagnostic[];
  skipped: { path: string; reason: string }[];
}

/** 1-based line and column (in characters, a surrogate pair counting one) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

function lintOne(target: LintTarget, text: string, ctx: CliContext): LintDiagnostic[] {
  const rules: RuleContext = {
    now: new Date(), preferredCodestralModel: DEFAULT_PREFERRED_CODESTRAL_MODEL, models: null,
    keyKindOf: () => undefined, gitTracked: false, exampleFile: isExampleFileName(path.basename(target.file)),
  };
  const analysis = analyzeConfig(target.kind, text, rules);
  // No message may hold a key: every key the file writes is shown by its fingerprint if it ever appears.
  for (const entry of analysis.facts.entries) {
    const key = entry.apiKey?.value;
    if (key) ctx.output.hide(key, fingerprint(inspectKey(key).key));
  }
  return analysis.findings.map((finding) => {
    const start = position(text, finding.span.start);
    const end = position(text, finding.span.end);
    return {
      path: target.shown, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
      severity: finding.severity, code: finding.code, message: finding.message,
    };
  });
}

function compilerLine(d: LintDiagnostic): string {
  return `${d.path}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message.replace(/\s*\n\s*/g, ' ')}`;
}

export function runLint(options: LintOptions, ctx: CliContext): number {
  const plan = planLint(options.paths);
  const skipped: Skipped[] = [...plan.skipped];
  const linted: string[] = [];
  const diagnostics: LintDiagnostic[] = [];
  for (const target of plan.targets) {
    const read = readTarget(target);
    if ('reason' in read) {
      skipped.push({ shown: target.shown, reason: read.reason });
      continue;
    }
    linted.push(target.shown);
    diagnostics.push(...lintOne(target, read.text.replace(/^\uFEFF/, ''), ctx));
  }

  if (options.json) {
    const json: LintJson = { files: linted, diagnostics, skipped: skipped.map(({ shown, reason }) => ({ path: shown, reason })) };
    ctx.output.out(`${JSON.stringify(json)}\n`);
  } else {
    for (const diagnostic of diagnostics) ctx.output.out(`${compilerLine(diagnostic)}\n`);
  }
  for (const { shown, reason } of skipped) ctx.output.err(`${t('Skipped {0}: {1}.', shown, reason)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (!options.json) {
    ctx.output.err(`${linted.length === 0
      ? t('No configuration file to lint in {0}.', options.paths.join(', '))
      : t('{0} file(s) linted: {1} error(s), {2} warning(s), {3} note(s).', String(linted.length), String(errors),
        String(diagnostics.filter((d) => d.severity === 'warning').length), String(diagnostics.filter((d) => d.severity === 'information').length))}\n`);
  }
  return errors > 0 ? EXIT_PROBLEM : EXIT_OK;
}
