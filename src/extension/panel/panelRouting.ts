// What each message from the panel does.
import type { FromWebviewMessage } from '../../shared/webviewProtocol';
import { checkKey, checkWithProgress, copySupportReport, openExternal, pin, selectTool, setKey } from '../commands';
import type { Ctx } from '../ctx';

export async function routePanelMessage(ctx: Ctx, message: Exclude<FromWebviewMessage, { type: 'ready' }>): Promise<void> {
  switch (message.type) {
    case 'recheck': {
      const candidate = ctx.checker.lastCandidate;
      if (candidate) await checkWithProgress(ctx, candidate);
      else await checkKey(ctx);
      return;
    }
    case 'setKey':
      return setKey(ctx);
    case 'copyReport':
      return copySupportReport(ctx);
    case 'pinModel':
      return pin(ctx);
    case 'openLink':
      return openExternal(ctx, message.url);
    case 'selectTool':
      return selectTool(ctx, message.tool);
  }
}
