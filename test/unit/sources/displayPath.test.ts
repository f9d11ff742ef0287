import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/sources/displayPath';

const home = path.join(path.sep, 'home', 'ada');
const project = path.join(home, 'code', 'shop');

describe('displayPath', () => {
  it('shows files in a workspace folder from the folder name', () => {
    expect(displayPath(path.join(project, '.continue', 'config.yaml'), home, [project])).toBe('shop/.continue/config.yaml');
  });

  it('shows other files under home with ~', () => {
    expect(displayPath(path.join(home, '.vibe', '.env'), home, [project])).toBe('~/.vibe/.env');
  });

  it('shows files elsewhere as they are', () => {
    const elsewhere = path.join(path.sep, 'etc', 'continue', 'config.yaml');
    expect(displayPath(elsewhere, home, [project])).toBe(elsewhere);
  });

  it('does not mistake a sibling folder with the same prefix for the home folder', () => {
    const sibling = path.join(path.sep, 'home', 'adam', '.env');
    expect(displayPath(sibling, home, [])).toBe(sibling);
  });
});
