// The commands, one function each, acting through the shared Ctx (ctx.ts).
import * as os from 'node:os';
import * as vscode from 'vscode';
import { KEY_VARIABLES } from '../core/catalogue/keyVariables';
import { displayPath } from '../sources/displayPath';
import { TOOL_IDS, type ToolId } from '../core/diagnosis';
import { CONSOLE_HOSTNAME } from '../core/hosts';
import { inspectKey } from '../core/hygiene';
import { isAllowedLink } from '../core/links';
import { hostForTool, toolDisplayName } from '../core/catalogue';
import { chooseCandidate } from './check/candidatePicker';
import type { KeyCandidate } from '../sources';
import { fileCandidate, followsSettings, storedCandidate } from './check/candidates';
import type { CheckResult } from './check/checkResult';
import type { Ctx } from './ctx';
import { describeKeyInput } from './key/keyEntry';
import { redact } from './log';
import { offerKeyHandOff } from './fixes/keyHandOff';
import { offerKeyWrite } from './fixes/keyWrite';
import { pinModel } from './fixes/modelPin';
import { writeTool } from './settings';
import { statusMenuItems } from './status/statusMenu';

/** "Check Mistral key": the panel opens at once in its checking state, then the user's pick is probed. */
export async function checkKey(ctx: Ctx): Promise<void> {
  const t = vscode.l10n.t;
  const started = performance.now();
  // At once: the last result (or the empty state) now, the checking state as soon as the probe starts.
  ctx.panel.show();
  const candidate = await chooseCandidate({
    keyStore: ctx.keyStore, log: ctx.log, prompts: ctx.prompts, loadEngine: ctx.deps.loadEngine,
    offerLog: (message) => ctx.checker.offerLog(message),
  });
  if (candidate === 'none') {
    const setKeyLabel = t('Set Mistral API key');
    const answer = await ctx.prompts.info(t('No Mistral key found: none is stored in VS Code, none is in {0} or {1}, and no other tool\'s configuration holds one.', ...KEY_VARIABLES), setKeyLabel);
    if (answer === setKeyLabel) await setKey(ctx);
    return;
  }
  if (!candidate) return;
  const searchMs = performance.now() - started;
  const result = await checkWithProgress(ctx, candidate);
  if (result) {
    ctx.log.info(`Timing of "Check Mistral key": key search ${searchMs.toFixed(0)} ms, probe ${Math.round(result.diagnosis.elapsedMs)} ms, command to verdict ${(performance.now() - started).toFixed(0)} ms.`);
  }
}

export async function checkWithProgress(ctx: Ctx, candidate: KeyCandidate): Promise<CheckResult | null> {
  ctx.panel.show();
  return vscode.window.withProgress({
    location: vscode.ProgressLocation.Window,
    title: vscode.l10n.t('Checking Mistral key {0}…', candidate.fingerprint),
    cancellable: false,
  }, () => ctx.checker.check(candidate, { interactive: true }));
}

/** The password box judges the key while it is typed; what it accepts is stored (cleaned). */
export async function setKey(ctx: Ctx): Promise<void> {
  const t = vscode.l10n.t;
  const raw = await ctx.prompts.password({
    title: t('Set Mistral API key'),
    prompt: t('Paste the key from {0}. It is kept in VS Code\'s secret storage, never in settings.', CONSOLE_HOSTNAME),
    placeHolder: t('32 letters and digits'),
    validate: describeKeyInput,
  });
  if (raw === undefined) return;
  const inspected = inspectKey(raw);
  const { findings, fingerprint } = inspected.report;
  if (!inspected.usable) return;
  const isNew = await ctx.keyStore.store(inspected.key, fingerprint);
  ctx.autoChecks.storedByThisWindow(fingerprint, isNew);
  ctx.log.info(`Stored key ${fingerprint} in VS Code's secret storage${isNew ? ' (new key)' : ''}${findings.length ? `; findings: ${findings.map((f) => f.id).join(', ')}` : ''}.`);
  ctx.checker.forget(fingerprint);
  await ctx.noteKeyStored();
  const cleaned = findings.length > 0 ? ` ${t('Removed before saving: {0}', findings.map((f) => f.message).join(' '))}` : '';
  if (ctx.autoChecks.allowed()) {
    ctx.panel.show();
    await ctx.prompts.progress(t('Mistral key {0} stored; checking it now.', fingerprint) + cleaned, () => ctx.checker.check(storedCandidate(inspected.key), { interactive: true }));
  } else {
    const checkNow = t('Check now');
    const answer = await ctx.prompts.info(t('Mistral key {0} stored.', fingerprint) + cleaned, checkNow);
    if (answer === checkNow) await checkWithProgress(ctx, storedCandidate(inspected.key));
  }
  await offerKeyHandOff(ctx, inspected.key, fingerprint);
  await offerKeyWrite({ prompts: ctx.prompts, log: ctx.log, recheck: () => checkWithProgress(ctx, storedCandidate(inspected.key)) }, ctx.toolInUse(), inspected.key, fingerprint);
}

export async function removeKey(ctx: Ctx): Promise<void> {
  const t = vscode.l10n.t;
  const key = await ctx.keyStore.read();
  if (!key) {
    void ctx.prompts.info(t('No Mistral key is stored in VS Code.'));
    return;
  }
  const fingerprint = inspectKey(key).report.fingerprint;
  const remove = t('Remove');
  const answer = await ctx.prompts.ask(t('Remove the stored Mistral key {0}?', fingerprint), t('Other tools keep their own copies; this removes only the one Mistral Key Doctor stored.'), remove);
  if (answer !== remove) return;
  await ctx.keyStore.remove();
  await ctx.autoChecks.forgetProbes();
  ctx.log.info(`Removed stored key ${fingerprint}.`);
  ctx.autoChecks.stopAll();
  ctx.checker.forgetStoredKey();
  await ctx.noteKeyStored();
}

/** `mistralKeyDoctor.checkKeyInFile`: the key written at a position the language server found. */
export async function checkKeyInFile(ctx: Ctx, uri: vscode.Uri, position: vscode.Position): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = document.getWordRangeAtPosition(position, /[^\s"'`,;=:{}[\]#]+/);
  const key = range ? document.getText(range) : '';
  if (!key) {
    void ctx.prompts.warn(vscode.l10n.t('No key found at line {0} of {1}.', String(position.line + 1), shownPath(uri)));
    return;
  }
  const label = `${shownPath(uri)}:${position.line + 1}`;
  await checkWithProgress(ctx, fileCandidate(key, uri.scheme === 'file' ? uri.fsPath : vscode.workspace.asRelativePath(uri), position.line + 1, label));
}

export async function copySupportReport(ctx: Ctx): Promise<void> {
  const t = vscode.l10n.t;
  const result = ctx.checker.result;
  if (!result) {
    void ctx.prompts.info(t('Run "Check Mistral key" first: the support report describes the last check.'));
    return;
  }
  const extension = vscode.extensions.getExtension('mistral-key-doctor.mistral-key-doctor');
  const text = ctx.deps.loadEngine().renderSupportReport(result.diagnosis, {
    tool: result.tool,
    versions: {
      'Mistral Key Doctor': String((extension?.packageJSON as { version?: string } | undefined)?.version ?? 'unknown'),
      'VS Code': vscode.version,
    },
  });
  const candidate = ctx.checker.lastCandidate;
  const safe = candidate ? redact(text, candidate.key, result.diagnosis.key.fingerprint) : text;
  await vscode.env.clipboard.writeText(safe);
  void ctx.prompts.info(t('Support report copied. It names the key by its fingerprint {0} only.', result.diagnosis.key.fingerprint));
}

/** Pins where the tool reads the model, then checks again with the pinned id so the panel shows it. */
export async function pin(ctx: Ctx): Promise<void> {
  const result = ctx.checker.result;
  const outcome = await pinModel({ log: ctx.log, prompts: ctx.prompts }, ctx.toolInUse().tool, result?.diagnosis.model.suggestion?.id ?? null);
  const candidate = ctx.checker.lastCandidate;
  if (outcome.kind === 'nothing' || !candidate) return;
  await ctx.checker.check({ ...candidate, source: { ...candidate.source, model: outcome.model } }, { interactive: true });
}

export async function openExternal(ctx: Ctx, url: string): Promise<void> {
  if (!isAllowedLink(url)) {
    ctx.log.warn(`Refused to open a link outside the allowlist (${safeHost(url)}).`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

/** The tool picker: a quick pick with the detected tools marked. */
export async function chooseTool(ctx: Ctx): Promise<void> {
  const t = vscode.l10n.t;
  const current = ctx.toolInUse().tool;
  const detected = new Map(ctx.detectedTools.map((entry) => [entry.tool, entry]));
  const items = TOOL_IDS.map((id) => ({
    label: toolDisplayName(id),
    description: [id === current ? t('current') : '', detected.has(id) ? t('detected') : ''].filter(Boolean).join(' · '),
    id,
  }));
  const picked = await ctx.prompts.pick(items, { title: t('Your coding assistant'), placeHolder: t('Which tool should the key work for?') });
  if (picked) await selectTool(ctx, picked.id);
}

/** Writes the tool (at the scope that holds it) and re-checks when the new tool uses another host. */
export async function selectTool(ctx: Ctx, tool: ToolId): Promise<void> {
  await writeTool(tool);
  const result = ctx.checker.result;
  const candidate = ctx.checker.lastCandidate;
  ctx.refresh();
  const model = candidate?.source.model ?? ctx.settings().model;
  if (result && candidate && followsSettings(candidate) && hostForTool(tool, model, ctx.toolInUse().version) !== result.toolHost) {
    await ctx.checker.check(candidate, { interactive: true });
  }
}

export async function statusMenu(ctx: Ctx): Promise<void> {
  const inUse = ctx.toolInUse();
  const view = ctx.statusView();
  const items = statusMenuItems({ view, keys: ctx.statusKeys(), tool: inUse.tool, detected: inUse.detected !== null, sources: ctx.watched?.sourceRows() ?? [] });
  const picked = await ctx.prompts.menu(items, { title: 'Mistral Key Doctor', placeHolder: view.worst?.diagnosis?.headline ?? view.words });
  if (picked?.command) await vscode.commands.executeCommand(picked.command, ...(picked.args ?? []));
}

/** `~/…` or `project/…`, as every other surface names a file. */
function shownPath(uri: vscode.Uri): string {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
  return uri.scheme === 'file' ? displayPath(uri.fsPath, os.homedir(), folders) : vscode.workspace.asRelativePath(uri);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host || 'no host';
  } catch {
    return 'not a URL';
  }
}
