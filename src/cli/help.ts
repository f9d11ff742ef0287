// `mistral-key-doctor --help`.
import { API_HOSTNAME, CODESTRAL_HOSTNAME, DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, DEFAULT_CONSOLE_URL } from '../core/hosts';
import { TOOL_IDS } from '../core/diagnosis';
import { t } from '../core/l10n';
import { DEFAULT_TIMEOUT_MS } from './args';

export function helpText(): string {
  return [
    t('Usage:'),
    '  mistral-key-doctor check [--key-env NAME | --key-stdin] [--tool NAME] [--target api|codestral|auto]',
    '                           [--model ID] [--api-url URL] [--codestral-url URL] [--console-url URL]',
    '                           [--no-plan-lookup] [--timeout-ms N] [--new-key] [--watch] [--json]',
    '  mistral-key-doctor [doctor] [--api-url URL] [--codestral-url URL] [--console-url URL] [--no-plan-lookup] [--timeout-ms N] [--json]',
    '  mistral-key-doctor lint [--json] FILE|DIR...',
    '  mistral-key-doctor demo',
    '  mistral-key-doctor auto',
    '',
    t('Commands:'),
    `  doctor  ${t('Find every Mistral key on this machine (the key variables, the coding tools\' files, .env here) and check each as its tool uses it: one line per key, then how to fix each problem. The default command.')}`,
    `  check   ${t('Ask {0} and {1} (at the same time) whether they accept the key, and say why not.', API_HOSTNAME, CODESTRAL_HOSTNAME)}`,
    `  lint    ${t('Check config files (or the config files in folders) with the language server\'s rules, offline: lines path:line:col: severity code message. Exit 1 when an error is found.')}`,
    `  demo    ${t('Run the diagnosis against a local emulator of both hosts, one example per problem. No key needed, nothing leaves this machine.')}`,
    `  auto    ${t('`doctor` when a key is found on this machine, otherwise `demo` (this is what `npm run doctor` runs).')}`,
    '',
    t('Options for check:'),
    `  --key-env NAME       ${t('Read the key from this environment variable (default: MISTRAL_API_KEY, then CODESTRAL_API_KEY).')}`,
    `  --key-stdin          ${t('Read the key from stdin (pipe it, or paste it when asked). Never pass the key as an argument.')}`,
    `  --tool NAME          ${t('The tool that uses the key ({0}): with --model, the host is the one that tool calls, and the fix steps are that tool\'s.', TOOL_IDS.join(', '))}`,
    `  --target T           ${t('api, codestral or auto (default): the host your tool sends the key to; auto = either.')}`,
    `  --model ID           ${t('The model your tool asks for, e.g. codestral-2508: checks that it exists and suggests a pin.')}`,
    `  --api-url URL        ${t('Base URL of the api host (default {0}). https only, except loopback.', DEFAULT_API_URL)}`,
    `  --codestral-url URL  ${t('Base URL of the codestral host (default {0}). https only, except loopback.', DEFAULT_CODESTRAL_URL)}`,
    `  --console-url URL    ${t('Where the plan lookup asks for the key type and plan (default {0}, used only when the api host is Mistral\'s own).', DEFAULT_CONSOLE_URL)}`,
    `  --no-plan-lookup     ${t('Do not ask the console for the key type and plan.')}`,
    `  --timeout-ms N       ${t('Give up on a host after N milliseconds (default {0}).', String(DEFAULT_TIMEOUT_MS))}`,
    `  --new-key            ${t('The key was created just now: a rejection then means "not active yet" (it takes a few minutes).')}`,
    `  --watch              ${t('Check again every 30 s for up to 15 min, stopping as soon as the key is accepted.')}`,
    `  --json               ${t('Print one JSON object on stdout instead of the report (one per check with --watch).')}`,
    '',
    t('The codestral host has no free route: its check asks for a 1-token completion, which may cost a token or two.'),
    t('The plan lookup sends the key, at the same time as the two checks, to {0}/api/vibe/whoami (as Mistral Vibe does) and only reads the key type and plan from the answer; it never changes the verdict.', DEFAULT_CONSOLE_URL),
    t('Proxies: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.'),
    '',
    t('doctor: the exit code of the worst key (0, 1 or 3), 2 when no key is found. lint: 1 when an error is found, 0 otherwise, 2 for a path that does not exist.'),
    t('Exit codes: 0 the key works for the target · 1 a problem was diagnosed (wrong host, rejected, malformed as stored, retired model, rate limit, 402, 403, route not served) · 2 usage error or unusable key, nothing sent · 3 no verdict (network, TLS, server errors, unexpected answers) · 130 interrupted.'),
    t('A reader of stdout that goes away (`| head`) leaves the exit code unchanged; a report that cannot be written (a full disk) is one line on stderr and exit code 74 when the verdict was 0.'),
    '',
  ].join('\n');
}
