// Model ids: moving aliases, retired, not offered to the key, deprecated; fixes follow the pin policy
// and write only ids that pass the strict id grammar. An alias the tool itself chose is left alone.
import type { ModelVerdict, ToolId } from '../../core/diagnosis';
import { t } from '../../core/l10n';
import { DOCS_MODELS_URL } from '../../core/links';
import { isSafeModelId } from '../../core/hostText';
import { assessModel } from '../../core/models';
import type { ConfigFacts, ConfigTool, TextValue } from '../configFacts';
import type { Finding, FixProposal, RuleContext } from './finding';

/** The tools-table id behind a config format's entries, where the format belongs to one tool. */
const TOOL_OF: Readonly<Record<ConfigTool, ToolId | null>> = {
  continue: 'continue', vibe: 'vibe', tabby: 'tabby', litellm: null, vscode: null, dotenv: null,
};

export function modelFindings(facts: ConfigFacts, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // A big config repeats a few ids many times: judge each id once.
  const verdicts = new Map<string, ModelVerdict>();
  for (const entry of facts.entries) {
    if (!entry.model) continue;
    const tool = TOOL_OF[entry.tool];
    const cacheKey = `${tool ?? ''}:${entry.model.value}`;
    let verdict = verdicts.get(cacheKey);
    if (!verdict) {
      verdict = assessModel(entry.model.value, { models: ctx.models, preferred: ctx.preferredCodestralModel, now: ctx.now, tool });
      verdicts.set(cacheKey, verdict);
    }
    if (verdict.state === 'alias' && entry.modelChosenByTool) continue;
    const finding = findingFor(entry.model, verdict);
    // The tool's own default (Vibe's): the user did not choose it, and updating the tool fixes it.
    if (finding) findings.push(entry.modelChosenByTool ? { ...finding, severity: 'information' } : finding);
  }
  return findings;
}

function findingFor(model: TextValue, verdict: ModelVerdict): Finding | null {
  const suggestion = verdict.suggestion && isSafeModelId(verdict.suggestion.id) ? verdict.suggestion : null;
  const fixes: FixProposal[] = suggestion
    ? [{ kind: 'edit', title: suggestion.title, edits: [{ span: model.inner, newText: suggestion.id }], preferred: true, pinsModel: true }]
    : [];
  const base = { span: model.span, fixes, href: DOCS_MODELS_URL };
  switch (verdict.state) {
    case 'alias':
      return {
        ...base, code: 'model-moving-alias', severity: 'warning',
        message: verdict.resolvesTo
          ? t('{0} is a moving alias (today {1}): it can switch to another model without notice. Pin a dated model id.', model.value, verdict.resolvesTo)
          : t('{0} is a moving alias: it can switch to another model without notice. Pin a dated model id.', model.value),
      };
    case 'retired':
      return {
        ...base, code: 'model-retired', severity: 'error',
        message: verdict.date
          ? t('{0} was retired on {1}: Mistral refuses requests for it.', model.value, verdict.date)
          : t('{0} is retired: Mistral refuses requests for it.', model.value),
      };
    case 'not-listed':
      return {
        ...base, code: 'model-not-listed', severity: 'error',
        message: t('{0} is not in the models list that the last check read for this key: the request will be refused.', model.value),
      };
    case 'deprecated':
      return {
        ...base, code: 'model-deprecated', severity: 'warning',
        message: verdict.date
          ? t('{0} is deprecated since {1}: it will stop working when it is retired.', model.value, verdict.date)
          : t('{0} is deprecated: it will stop working when it is retired.', model.value),
      };
    default:
      return null;
  }
}
