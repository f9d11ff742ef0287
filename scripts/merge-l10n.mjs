// Each area keeps its Simplified Chinese strings in l10n/parts/<area>.zh-cn.json; VS Code and
// @vscode/l10n read one bundle, so the build merges the parts into l10n/bundle.l10n.zh-cn.json.
import fs from 'node:fs';
import path from 'node:path';

const partsDir = 'l10n/parts';

/** Writes the merged bundle to `bundlePath` (the test builds give a folder of their own). */
export function mergeL10nBundles(bundlePath = 'l10n/bundle.l10n.zh-cn.json') {
  if (!fs.existsSync(partsDir)) return;
  const merged = {};
  for (const file of fs.readdirSync(partsDir).filter((f) => f.endsWith('.zh-cn.json')).sort()) {
    const part = JSON.parse(fs.readFileSync(path.join(partsDir, file), 'utf8'));
    for (const [english, chinese] of Object.entries(part)) {
      if (english in merged && merged[english] !== chinese) {
        throw new Error(`l10n: "${english}" is translated differently in ${file} and an earlier part`);
      }
      merged[english] = chinese;
    }
  }
  fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
  fs.writeFileSync(bundlePath, JSON.stringify(merged, null, 2) + '\n');
}
