// What the extension remembers about the last check: the Diagnosis plus the context it was
// reached in (which key, for which tool). Surfaces render it; none re-derives the verdict.
import type { Diagnosis, HostId, Target, ToolId } from '../../core/diagnosis';

export interface CheckResult {
  diagnosis: Diagnosis;
  /** Where the key came from, localised (e.g. "Stored in VS Code", a variable name). */
  sourceLabel: string;
  /** True when the key checked is the one in SecretStorage. */
  storedKey: boolean;
  tool: ToolId;
  /** The host the tool sends the key to (the check's target). */
  toolHost: Target;
}

/** The hosts the user's tool talks to: one, or both when the tool picks per model. */
export function hostsUsedByTool(toolHost: Target): HostId[] {
  return toolHost === 'auto' ? ['api', 'codestral'] : [toolHost];
}
