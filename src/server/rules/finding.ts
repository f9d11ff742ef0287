// What a rule reports: a stable code, where, how bad, a localised message, and the fixes it proposes
// (as data: the code-action layer turns them into versioned edits).
import type { KeyKind, ModelCard } from '../../core/diagnosis';
import type { DiagnosticCode } from '../../shared/diagnosticCodes';
import type { Span, TextValue } from '../configFacts';

export type RuleCode = DiagnosticCode;

/** Error: what will fail. Warning: what may fail or leak. Information: placeholders, examples, advice. */
export type FindingSeverity = 'error' | 'warning' | 'information';

export interface TextReplacement {
  span: Span;
  newText: string;
}

export type FixProposal =
  | { kind: 'edit'; title: string; edits: TextReplacement[]; preferred: boolean; /** Rewrites a model id (the pin-model fix). */ pinsModel?: boolean }
  /** Resolved when code actions are asked for: needs the file system (`.env`, `.gitignore`), which also names the variable. */
  | { kind: 'move-key-to-env'; key: TextValue; preferred: boolean };

export interface Finding {
  code: RuleCode;
  severity: FindingSeverity;
  span: Span;
  message: string;
  fixes: FixProposal[];
  /** A page that explains or fixes it (console, docs). */
  href?: string;
}

export interface RuleContext {
  now: Date;
  preferredCodestralModel: string;
  /** The live models list the last probe saw, or null. */
  models: ModelCard[] | null;
  /** What the last probe learnt about the key with this fingerprint. */
  keyKindOf(fingerprint: string): KeyKind | undefined;
  /** True when git tracks this file (a key written in it is in the repository). */
  gitTracked: boolean;
  /** `.env.example` and the like: placeholders and examples, at most information. */
  exampleFile?: boolean;
}
