// Which host each coding assistant sends the key to (reference/mistral-api.md, "Where tools keep
// the key and the model"), so a check can probe the host the tool really uses.
import type { Target, ToolId } from './diagnosis';
import { t } from './l10n';

export function hostForTool(tool: ToolId, model: string | null): Target {
  const id = (model ?? '').trim().toLowerCase();
  switch (tool) {
    // Cline 3.2.13+ and Mistral Vibe call api.mistral.ai whatever the model.
    case 'cline':
    case 'vibe':
      return 'api';
    // Roo Code / Kilo Code route `codestral-*` models to their "Codestral Base URL".
    case 'roo':
      if (id === '') return 'auto';
      return id.startsWith('codestral') ? 'codestral' : 'api';
    // Continue sends models whose name contains "codestral" to the Codestral host unless apiBase says otherwise.
    case 'continue':
      if (id === '') return 'auto';
      return id.includes('codestral') ? 'codestral' : 'api';
    // litellm / aider: the provider prefix picks the host.
    case 'litellm':
      if (id.startsWith('codestral/')) return 'codestral';
      if (id.startsWith('mistral/')) return 'api';
      return 'auto';
    case 'other':
      return 'auto';
  }
}

export function toolDisplayName(tool: ToolId): string {
  switch (tool) {
    case 'cline': return 'Cline';
    case 'roo': return 'Roo Code / Kilo Code';
    case 'continue': return 'Continue';
    case 'vibe': return 'Mistral Vibe';
    case 'litellm': return 'litellm / aider';
    case 'other': return t('Other tool');
  }
}
