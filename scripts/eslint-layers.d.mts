import type { ESLint, Linter } from 'eslint';

export const LAYER_ARROWS: Record<string, string[]>;
export const VSCODE_LAYERS: string[];
export const layersPlugin: ESLint.Plugin;
export const layersConfig: Linter.Config;
