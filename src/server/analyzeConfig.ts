// One pass over one config document: parse with the format's own parser, then every rule. A file
// that does not parse gets one finding at the parse error and nothing else.
import { t } from '../core/l10n';
import type { ConfigFacts } from './configFacts';
import { extractFacts, type DocumentKind } from './documentKinds';
import { baseUrlFindings } from './rules/baseUrlRules';
import type { Finding, RuleContext } from './rules/finding';
import { keyFindings } from './rules/keyRules';
import { modelFindings } from './rules/modelRules';

export interface ConfigAnalysis {
  facts: ConfigFacts;
  findings: Finding[];
}

export function analyzeConfig(kind: DocumentKind, source: string, ctx: RuleContext): ConfigAnalysis {
  const facts = extractFacts(kind, source);
  if (facts.parseError) {
    const { message, span } = facts.parseError;
    return {
      facts,
      findings: [{ code: 'parse-error', severity: 'error', span, fixes: [],
        message: t('This file does not parse, so no other check ran: {0}', message) }],
    };
  }
  return {
    facts,
    findings: [...modelFindings(facts, ctx), ...keyFindings(facts, ctx), ...baseUrlFindings(facts)],
  };
}
