// One diagnosis on stdout: the human report (core's renderReport) or the `--json` object, for the diagnosis' tool.
import type { Diagnosis } from '../core/diagnosis';
import { t } from '../core/l10n';
import { renderReport, toCliJson } from '../core/report';
import type { CliContext } from './context';
import { useColor } from './output';

export interface PrintOptions {
  json: boolean;
  source: string | null;
  /** True for a single check: a key still activating is then pointed at `--watch`, which the extension does not need. */
  suggestWatch?: boolean;
}

export function printDiagnosis(diagnosis: Diagnosis, options: PrintOptions, ctx: CliContext): void {
  if (options.json) {
    ctx.output.out(`${JSON.stringify(toCliJson(diagnosis))}\n`);
    return;
  }
  const color = useColor(ctx.output.stdout, ctx.env, false);
  if (options.source !== null) ctx.output.out(`${t('Key from {0}', options.source)}\n`);
  ctx.output.out(`${renderReport(diagnosis, { color, tool: diagnosis.tool }).trimEnd()}\n`);
  if (options.suggestWatch && diagnosis.cause.id === 'key-not-yet-active') {
    ctx.output.out(`${t('Run the same command with --watch to check again every 30 seconds until the key is accepted.')}\n`);
  }
}
