// Hostile config shapes, generated (never committed as files other tools would trip on): the
// tests, the fuzz harness and bench/ size them as they need.

/** YAML merge keys fanning out `fan` ways over `levels` levels: a few hundred bytes ask for fan^levels lookups. */
export function mergeFanOut(levels: number, fan: number): string {
  const lines = ['l0: &l0 {x: 1}'];
  for (let level = 1; level <= levels; level++) {
    lines.push(`l${level}: &l${level} {<<: [${Array.from({ length: fan }, () => `*l${level - 1}`).join(', ')}]}`);
  }
  lines.push(`models: [*l${levels}]`);
  return `${lines.join('\n')}\n`;
}

/** About `size` characters of TOML nested inline tables and arrays of tables, one key a line. */
export function tomlInlineTables(size: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let index = 0; ; index++) {
    const line = `k${index} = {a={b={}},c=[{},{}],d={e=1}}\n`;
    if (length + line.length > size) break;
    lines.push(line);
    length += line.length;
  }
  return lines.join('');
}

/** One array of about `size` characters of small inline tables, on one line. */
export function tomlInlineArray(size: number): string {
  return `a = [${'{a={b=1}},'.repeat(Math.floor((size - 8) / 10))}]\n`;
}

/** One `.env` line of about `size` characters. */
export function oneLineDotenv(size: number): string {
  return `MISTRAL_API_KEY=${'a'.repeat(Math.max(0, size - 17))}\n`;
}

/** A flow YAML sequence of about `size` characters of small mappings. */
export function yamlFlowMappings(size: number): string {
  return `models: [${'{a: {b: 1}},'.repeat(Math.floor((size - 12) / 12))}]\n`;
}

/** A JSON array of about `size` characters of small objects. */
export function jsonObjects(size: number): string {
  return `{"models": [${'{"a": {"b": 1}},'.repeat(Math.floor((size - 20) / 16))}{}]}`;
}
