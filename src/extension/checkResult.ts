// What the extension remembers about the last check: the Diagnosis plus the context it was
// reached in (which key, for which tool). Surfaces render it; none re-derives the verdict.
import type { Diagnosis, HostId, Target, ToolId } from '../core/diagnosis';

export interface CheckResult {
  diagnosis: Diagnosis;
  /** Where the key came from, localised (e.g. "Stored in VS Code", "MISTRAL_API_KEY"). */
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

/**
 * True when the host the tool uses answered 401 (for a tool that may use either host: every
 * probed host answered 401). This is what turns the status item into a warning.
 */
export function unauthorizedOnToolHost(result: CheckResult): boolean {
  const hosts = hostsUsedByTool(result.toolHost)
    .map((id) => result.diagnosis.hosts[id])
    .filter((host) => host.probed);
  return hosts.length > 0 && hosts.every((host) => host.status === 401);
}
