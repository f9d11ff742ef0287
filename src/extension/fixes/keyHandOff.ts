// "Set a new key" stores a copy that only this extension reads. Tools that keep their key in their
// own secret storage (Cline, Roo Code, Kilo Code) cannot be written to: the key is handed over
// through the clipboard, with that tool's settings opened where it offers a command for it.
import * as vscode from 'vscode';
import type { ToolId } from '../../core/diagnosis';
import { toolDisplayName } from '../../core/catalogue';
import type { Ctx } from '../ctx';

/**
 * The command that opens each tool's settings, read in the tool's own source: Cline
 * `src/extension.ts` (`cline.settingsButtonClicked`), Roo Code and Kilo Code
 * `src/activate/registerCommands.ts` (`roo-cline.settingsButtonClicked`, `kilo-code.settingsButtonClicked`).
 */
const SETTINGS_COMMAND: Readonly<Partial<Record<ToolId, string>>> = {
  cline: 'cline.settingsButtonClicked',
  roo: 'roo-cline.settingsButtonClicked',
  kilo: 'kilo-code.settingsButtonClicked',
};

/** After a key is stored: for a tool that keeps its own copy, offers to copy it and open that tool's settings. */
export async function offerKeyHandOff(ctx: Ctx, key: string, fingerprint: string): Promise<void> {
  const t = vscode.l10n.t;
  const { tool } = ctx.toolInUse();
  const command = SETTINGS_COMMAND[tool];
  if (!command) return;
  const name = toolDisplayName(tool);
  const copy = t('Copy it for {0}', name);
  const answer = await ctx.prompts.info(t('{0} keeps its own copy of the key: key {1} works there only once pasted into its settings.', name, fingerprint), copy);
  if (answer !== copy) return;
  await vscode.env.clipboard.writeText(key);
  ctx.log.info(`Copied key ${fingerprint} to the clipboard for ${name}.`);
  if ((await vscode.commands.getCommands(true)).includes(command)) await vscode.commands.executeCommand(command);
  void ctx.prompts.info(t('Key {0} is on the clipboard: paste it as the Mistral API key in {1}\'s settings.', fingerprint, name));
}
