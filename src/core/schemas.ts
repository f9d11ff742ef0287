// zod schemas for what crosses a boundary: a Diagnosis (extension ↔ webview, server, engine bundle)
// and the CLI's `--json` object.
import * as z from 'zod';
import {
  CAUSE_IDS, HOST_OUTCOMES, KEY_FINDING_IDS, KEY_KINDS, KEY_TYPES, MODEL_STATES, SEVERITIES, TARGETS, TOOL_IDS,
  type Diagnosis,
} from './diagnosis';

const fixStepSchema = z.object({
  text: z.string(),
  link: z.object({ url: z.string(), label: z.string() }).optional(),
});

export const hostOutcomeSchema = z.object({
  outcome: z.enum(HOST_OUTCOMES),
  status: z.number().int().nullable(),
  latencyMs: z.number().nonnegative(),
  requestId: z.string().nullable(),
  url: z.string(),
  detail: z.string().nullable(),
  retryAfterSeconds: z.number().nonnegative().nullable(),
  probed: z.boolean(),
});

const modelCardSchema = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  deprecation: z.string().nullable(),
  deprecationReplacementModel: z.string().nullable(),
  completionFim: z.boolean(),
  completionChat: z.boolean(),
});

const pinSuggestionSchema = z.object({ id: z.string(), reason: z.string().nullable(), title: z.string() });

export const diagnosisSchema: z.ZodType<Diagnosis> = z.object({
  keyKind: z.enum(KEY_KINDS),
  tool: z.enum(TOOL_IDS),
  advice: z.object({
    verifiedUpTo: z.string(),
    versionAsked: z.string().nullable(),
    unverified: z.boolean(),
    note: z.string().nullable(),
  }).optional(),
  target: z.enum(TARGETS),
  worksForTarget: z.boolean(),
  cause: z.object({
    id: z.enum(CAUSE_IDS),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    explanation: z.string(),
    fix: z.array(fixStepSchema),
    fixByTool: z.partialRecord(z.enum(TOOL_IDS), z.array(fixStepSchema)),
  }),
  headline: z.string(),
  hosts: z.object({ api: hostOutcomeSchema, codestral: hostOutcomeSchema }),
  key: z.object({
    fingerprint: z.string(),
    findings: z.array(z.object({ id: z.enum(KEY_FINDING_IDS), message: z.string(), blocking: z.boolean() })),
    type: z.enum(KEY_TYPES),
    plan: z.string().nullable(),
  }),
  model: z.object({
    id: z.string().nullable(),
    state: z.enum(MODEL_STATES),
    resolvesTo: z.string().nullable(),
    date: z.string().nullable(),
    suggested: z.string().nullable(),
    suggestion: pinSuggestionSchema.nullable(),
  }),
  liveModels: z.array(modelCardSchema).nullable().optional(),
  checkedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
});

const cliHostSchema = z.strictObject({
  /** False when the host was not asked (the key could not be sent); `outcome` is then null. */
  checked: z.boolean(),
  outcome: z.enum(HOST_OUTCOMES).nullable(),
  status: z.number().int().nullable(),
  latencyMs: z.number().nonnegative(),
  requestId: z.string().nullable(),
});

/** The one object `mistral-key-doctor check --json` prints (README, "JSON output"). */
export const cliJsonSchema = z.strictObject({
  keyKind: z.enum(KEY_KINDS),
  tool: z.enum(TOOL_IDS),
  /** Which catalogue row the tool's advice came from ("advice checked against Cline up to 4.1.13"). */
  advice: z.strictObject({
    verifiedUpTo: z.string(),
    versionAsked: z.string().nullable(),
    unverified: z.boolean(),
    note: z.string().nullable(),
  }),
  cause: z.strictObject({
    id: z.enum(CAUSE_IDS),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    explanation: z.string(),
    fix: z.array(z.string()),
  }),
  hosts: z.strictObject({ api: cliHostSchema, codestral: cliHostSchema }),
  key: z.strictObject({
    fingerprint: z.string(),
    findings: z.array(z.enum(KEY_FINDING_IDS)),
    type: z.enum(KEY_TYPES),
    plan: z.string().nullable(),
  }),
  model: z.strictObject({
    id: z.string().nullable(),
    state: z.enum(MODEL_STATES),
    resolvesTo: z.string().nullable(),
    suggested: z.string().nullable(),
  }),
  elapsedMs: z.number().nonnegative(),
});

export type CliJson = z.infer<typeof cliJsonSchema>;
