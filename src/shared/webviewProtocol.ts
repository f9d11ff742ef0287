// Messages between the diagnostics panel (webview) and the extension host. Both sides validate
// what they receive with these schemas: a webview is a separate origin and may be stale or tampered.
// The host sends fully localised text; the webview only lays it out. `zod/mini`: both the extension's
// eager bundle and the panel's script carry these schemas.
import * as z from 'zod/mini';
import { HOST_IDS, HOST_OUTCOMES, SEVERITIES, TOOL_IDS } from '../core/diagnosis';

const text = z.string().check(z.maxLength(4000));

const linkSchema = z.object({ url: z.string().check(z.maxLength(2000)), label: text });

const fixStepSchema = z.object({ text, link: z.optional(linkSchema) });

const hostRowSchema = z.object({
  id: z.enum(HOST_IDS),
  name: text,
  /** The base URL the check used. */
  url: text,
  outcome: z.enum(HOST_OUTCOMES),
  outcomeLabel: text,
  status: text,
  latency: text,
  requestId: text,
  usedByTool: z.boolean(),
});

/** Every fixed label of the panel, localised by the host. */
const labelsSchema = z.object({
  emptyTitle: text,
  emptyBody: text,
  hostsHeading: text,
  hostColumn: text,
  outcomeColumn: text,
  statusColumn: text,
  latencyColumn: text,
  requestIdColumn: text,
  causeHeading: text,
  fixHeading: text,
  toolLabel: text,
  detailsHeading: text,
  keyTypeLabel: text,
  planLabel: text,
  urlsHeading: text,
  findingsHeading: text,
  modelHeading: text,
  /** The steps' heading under a working key: advice, not a fix. */
  adviceHeading: text,
  recheck: text,
  setKey: text,
  copyReport: text,
  pinModel: text,
  checking: text,
  /** Contains `{0}`: the time left before the next automatic check, `m:ss`. */
  nextCheckIn: text,
  settingsHeading: text,
});

const resultSchema = z.object({
  severity: z.enum(SEVERITIES),
  /** The severity in words ("Error", "OK"…): never colour alone. */
  severityLabel: text,
  /** Works / does not work for the tool, in one sentence. */
  verdict: text,
  causeTitle: text,
  causeExplanation: text,
  fixSteps: z.array(fixStepSchema).check(z.maxLength(30)),
  keyLine: text,
  /** What the hosts said about the key (which host accepted it, which refused it). */
  keyKindLine: text,
  /** Null when unknown: left out rather than shown as a finding. */
  keyType: z.nullable(text),
  plan: z.nullable(text),
  hosts: z.array(hostRowSchema).check(z.maxLength(HOST_IDS.length)),
  findings: z.array(text).check(z.maxLength(20)),
  modelLine: z.nullable(text),
  consoleLink: z.nullable(linkSchema),
  pinTitle: z.nullable(text),
});

export const panelViewSchema = z.object({
  labels: labelsSchema,
  tools: z.array(z.object({ id: z.enum(TOOL_IDS), label: text })).check(z.maxLength(TOOL_IDS.length)),
  tool: z.enum(TOOL_IDS),
  /** "Cline 3.17.0 detected: it sends keys to …", or null. */
  detection: z.nullable(text),
  /** Values at a scope VS Code ignores here, and other settings notes. */
  settingsNotes: z.array(text).check(z.maxLength(10)),
  checking: z.boolean(),
  result: z.nullable(resultSchema),
  /** Epoch ms of the next automatic re-check (new key waiting, or backoff after a 429 or network failure). */
  nextCheckAt: z.nullable(z.number()),
});
export type PanelView = z.infer<typeof panelViewSchema>;
export type PanelResult = z.infer<typeof resultSchema>;
export type PanelLabels = z.infer<typeof labelsSchema>;
export type PanelHostRow = z.infer<typeof hostRowSchema>;

/** Host → webview. */
export const toWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('render'), view: panelViewSchema }),
]);
export type ToWebviewMessage = z.infer<typeof toWebviewSchema>;

/** Webview → host. */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('recheck') }),
  z.object({ type: z.literal('setKey') }),
  z.object({ type: z.literal('copyReport') }),
  z.object({ type: z.literal('pinModel') }),
  z.object({ type: z.literal('selectTool'), tool: z.enum(TOOL_IDS) }),
  z.object({ type: z.literal('openLink'), url: z.string().check(z.maxLength(2000)) }),
]);
export type FromWebviewMessage = z.infer<typeof fromWebviewSchema>;
