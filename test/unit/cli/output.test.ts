import { describe, expect, it } from 'vitest';
import { Output, useColor, type Stream } from '../../../src/cli/output';

function recorder(extra: Partial<Stream> = {}): Stream & { text: string } {
  const stream = { text: '', write(chunk: string) { stream.text += chunk; return true; }, ...extra };
  return stream;
}

const KEY = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';

describe('Output', () => {
  it('masks a registered key on both streams, whatever surrounds it', () => {
    const stdout = recorder();
    const stderr = recorder();
    const output = new Output(stdout, stderr);
    output.hide(` ${KEY}\n`, 'Ab3d…Xy4z');
    output.out(`sent Bearer ${KEY} to the host\n`);
    output.err(`error: " ${KEY}\n"`);
    expect(stdout.text).toBe('sent Bearer Ab3d…Xy4z to the host\n');
    expect(stderr.text).toBe('error: "Ab3d…Xy4z"');
  });

  it('masks the longer form first, so no tail of a key survives', () => {
    const stdout = recorder();
    const output = new Output(stdout, recorder());
    output.hide(KEY.slice(4), 'short');
    output.hide(KEY, 'full');
    output.out(KEY);
    expect(stdout.text).toBe('full');
  });

  it('masks any 10-character piece of a registered key, as a host echoing part of it would print', () => {
    const stdout = recorder();
    const output = new Output(stdout, recorder());
    output.hide(KEY, 'Ab3d…Xy4z');
    output.out(`request id req-${KEY.slice(3, 27)} · ${KEY.slice(0, 31)}\n`);
    expect(stdout.text).toBe('request id req-… · …\n');
  });

  it('drops control sequences it did not write (OSC clipboard, screen clear, bell) and keeps its own colours', () => {
    const stdout = recorder();
    const output = new Output(stdout, recorder());
    output.out('\u001b[1m\u001b[31m✖ Error\u001b[0m codestral\u001b]52;c;ZWNobyBoaQ==\u0007-2508\u001b[2J\u0007\r\u001b[K\tdone\n');
    expect(stdout.text).toBe('\u001b[1m\u001b[31m✖ Error\u001b[0m codestral-2508\r\u001b[K\tdone\n');
  });

  it('passes other text through unchanged and ignores too-short secrets', () => {
    const stdout = recorder();
    const output = new Output(stdout, recorder());
    output.hide('abc', 'x');
    output.out('abc def\n');
    expect(stdout.text).toBe('abc def\n');
  });
});

describe('useColor', () => {
  const tty = recorder({ isTTY: true, hasColors: () => true });

  it('colours a colour terminal', () => {
    expect(useColor(tty, {}, false)).toBe(true);
  });

  it('never colours JSON, NO_COLOR, pipes or dumb terminals', () => {
    expect(useColor(tty, {}, true)).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1' }, false)).toBe(false);
    expect(useColor(recorder(), {}, false)).toBe(false);
    expect(useColor(recorder({ isTTY: true, hasColors: () => false }), {}, false)).toBe(false);
  });

  it('treats an empty NO_COLOR as unset, as no-color.org says', () => {
    expect(useColor(tty, { NO_COLOR: '' }, false)).toBe(true);
  });
});
