// Fake 32-character keys the emulator knows. They look like Mistral keys and open nothing real.

export const KEY_KINDS = ['console', 'codestral', 'both', 'revoked', 'fresh'] as const;
export type EmulatedKeyKind = (typeof KEY_KINDS)[number];

/** One fake key per kind. `fresh` is a general (console) key that turns active some time after first use. */
export const TEST_KEYS: Readonly<Record<EmulatedKeyKind, string>> = {
  console: 'CnsL4kQ8vTz2Wd9Ry6Hb1Mx7Pf3Gj5Ue',
  codestral: 'CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga',
  both: 'BoTh3Kd8sWq1Zn6Lv9Xr2Mc5Hf7Jt4Py',
  revoked: 'RvKd9Hs2Lq7Wx4Zt1Nm8Bc3Vf6Gp5Jya',
  fresh: 'FrSh5Lp8Wq2Xz7Kn4Tv1Rm9Hc6Bd3Gya',
};

/** Which hosts accept a key of this kind once it is active. */
export function hostsAccepting(kind: EmulatedKeyKind): { api: boolean; codestral: boolean } {
  switch (kind) {
    case 'console':
    case 'fresh':
      return { api: true, codestral: false };
    case 'codestral':
      return { api: false, codestral: true };
    case 'both':
      return { api: true, codestral: true };
    case 'revoked':
      return { api: false, codestral: false };
  }
}

export function keyKindOf(key: string): EmulatedKeyKind | null {
  for (const kind of KEY_KINDS) if (TEST_KEYS[kind] === key) return kind;
  return null;
}

/** What the console's `GET /api/vibe/whoami` says about a key of this kind once it is active (null: 401). */
export function whoamiFor(kind: EmulatedKeyKind): { plan_type: string; plan_name: string } | null {
  switch (kind) {
    case 'console':
    case 'fresh':
      return { plan_type: 'API', plan_name: 'FREE' };
    case 'both':
      return { plan_type: 'API', plan_name: 'SCALE' };
    case 'codestral':
      return { plan_type: 'MISTRAL_CODE', plan_name: 'F' };
    case 'revoked':
      return null;
  }
}
