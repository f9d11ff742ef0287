// How long a new key may take to become active. Mistral documents no figure; users report "about
// five minutes". A key that every host refuses may still be activating only within this window
// after it was created (the user says so) or stored here: re-checks run until it ends, then the
// verdict is plainly `key-rejected`.
import type { CauseId } from './diagnosis';

export const KEY_ACTIVATION_WINDOW_MS = 10 * 60_000;

/** Whole minutes of the window, for the texts that name it. */
export const KEY_ACTIVATION_WINDOW_MINUTES = KEY_ACTIVATION_WINDOW_MS / 60_000;

/** True for an age (ms since the key was created or stored) still inside the window. */
export function withinActivationWindow(ageMs: number | null | undefined): boolean {
  return ageMs != null && ageMs >= 0 && ageMs < KEY_ACTIVATION_WINDOW_MS;
}

/** The verdicts under which a key stored moments ago may still be activating, so a re-check can change them. */
export function mayStillActivate(cause: CauseId): boolean {
  return cause === 'key-not-yet-active' || cause === 'key-rejected';
}
