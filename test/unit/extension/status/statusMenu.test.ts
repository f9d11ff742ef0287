import { describe, expect, it } from 'vitest';
import { statusMenuItems } from '../../../../src/extension/status/statusMenu';

describe('statusMenuItems', () => {
  it('offers Check now, Set key, Tool, Show diagnostics and Open log, with the tool in use', () => {
    const items = statusMenuItems('cline', true);
    expect(items.map((item) => item.label.replace(/^\$\([^)]*\) /, ''))).toEqual(['Check now', 'Set key', 'Tool', 'Show diagnostics', 'Open log']);
    expect(items.map((item) => item.command)).toEqual([
      'mistralKeyDoctor.checkKey', 'mistralKeyDoctor.setKey', 'mistralKeyDoctor.selectTool', 'mistralKeyDoctor.showDiagnostics', 'mistralKeyDoctor.showLog',
    ]);
    expect(items[2]!.description).toBe('Cline (detected)');
    expect(statusMenuItems('other', false)[2]!.description).toBe('your tool');
  });
});
