// A base URL that is neither Mistral's nor this machine's would receive the key: the user confirms
// each such host once (the host name is remembered, never the key).
import * as vscode from 'vscode';
import { isLoopbackUrl, isMistralHost } from '../../core/hosts';
import type { Prompts } from '../prompts';

const CONFIRMED_HOSTS = 'mistralKeyDoctor.confirmedHosts';

export function needsConsent(baseUrl: string): boolean {
  return !isMistralHost(baseUrl) && !isLoopbackUrl(baseUrl);
}

export class HostConsent {
  constructor(private readonly state: vscode.Memento, private readonly prompts: Prompts) {}

  /**
   * True when the key may go to every URL. Unconfirmed hosts are asked about only when the user
   * started the check (`interactive`); an automatic check never sends the key to them.
   */
  async allow(baseUrls: string[], interactive: boolean): Promise<boolean> {
    const confirmed = new Set(this.state.get<string[]>(CONFIRMED_HOSTS) ?? []);
    for (const url of baseUrls.filter(needsConsent)) {
      const host = new URL(url).host;
      if (confirmed.has(host)) continue;
      if (!interactive) return false;
      const send = vscode.l10n.t('Send the key to {0}', host);
      const answer = await this.prompts.ask(
        vscode.l10n.t('Your Mistral key will be sent to {0}, which is not a Mistral host.', host),
        vscode.l10n.t('A base URL setting points there. Continue only if you trust {0} with your key; otherwise reset the setting to the Mistral host.', host),
        send,
      );
      if (answer !== send) return false;
      confirmed.add(host);
      await this.state.update(CONFIRMED_HOSTS, [...confirmed]);
    }
    return true;
  }
}
