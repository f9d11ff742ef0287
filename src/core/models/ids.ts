// The grammar of model ids: provider prefixes, moving aliases, families.

/** litellm/aider write `mistral/codestral-2501`; the API knows only `codestral-2501`. */
export function bareModelId(id: string): string {
  return id.trim().replace(/^(mistral|codestral)\//i, '');
}

/** `-latest` ids move to a new model without notice; Mistral itself advises pinning dated ids. */
export function isMovingAlias(id: string): boolean {
  return /-latest$/i.test(bareModelId(id));
}

/**
 * `devstral-2512` → `devstral`, `mistral-medium-3-5` → `mistral-medium`: ids of one family differ only in
 * a dated (YYMM) or version (`3`, `3-5`, `1-5`) suffix.
 */
export function familyOf(id: string): string {
  return id.replace(/(-\d+)+$/, '');
}

/** A sortable month for a dated id (`2512` → `2025-12`), or null for an undated one. */
export function monthOf(id: string): string | null {
  const match = /-(\d{2})(\d{2})$/.exec(id);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `20${match[1]}-${match[2]}` : null;
}
