import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { TEST_KEYS } from '../../../../src/emulator';
import { describeKeyInput, toValidationMessage } from '../../../../src/extension/key/keyEntry';

describe('describeKeyInput', () => {
  it('says nothing for an empty box or a clean key', () => {
    expect(describeKeyInput('')).toBeUndefined();
    expect(describeKeyInput(TEST_KEYS.console)).toBeUndefined();
  });

  it('notes what is removed (spaces, quotes, Bearer) without refusing, naming the key by fingerprint only', () => {
    const note = describeKeyInput(` "Bearer ${TEST_KEYS.console}"\n`)!;
    expect(note.severity).toBe('info');
    expect(note.message).toMatch(/^Enter saves it as CnsL…j5Ue, cleaned:/);
    expect(note.message).toContain('Bearer');
    expect(note.message).not.toContain(TEST_KEYS.console);
    expect(toValidationMessage(note)?.severity).toBe(vscode.InputBoxValidationSeverity.Info);
  });

  it('refuses a masked copy in place, with the reason and the keys page', () => {
    const note = describeKeyInput('CdSt...j5Ga')!;
    expect(note.severity).toBe('error');
    expect(note.message).toContain('masked form');
    expect(note.message).toContain('https://console.mistral.ai/api-keys');
    expect(toValidationMessage(note)?.severity).toBe(vscode.InputBoxValidationSeverity.Error);
  });

  it('warns about a shape that survives cleaning but still lets it be saved', () => {
    const note = describeKeyInput(`${TEST_KEYS.console}x`)!;
    expect(note.severity).toBe('warning');
    expect(note.message).toContain('32 characters');
  });
});
