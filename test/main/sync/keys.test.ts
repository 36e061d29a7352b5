/** Sync keys and the passphrase-sealed key file, with real crypto (each open costs one scrypt). */
import { createHash, createPrivateKey } from 'node:crypto';
import { identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FINGERPRINT_PATTERN,
  KeyFileError,
  fingerprint,
  generateKeys,
  openKeyFile,
  publicKeysOf,
  sealKeyFile,
  signBytes,
  verifyBytes,
  type KeyFileErrorReason,
  type SyncKeys,
} from '../../../src/main/core/sync/keys';

const PASSPHRASE = '县里的钥匙-2024';

let keys: SyncKeys;
let other: SyncKeys;
let sealed: string;

beforeAll(async () => {
  [keys, other] = await Promise.all([generateKeys(), generateKeys()]);
  sealed = sealKeyFile(keys, PASSPHRASE);
});

function keyFileReason(fn: () => unknown): KeyFileErrorReason {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KeyFileError);
    return (err as KeyFileError).reason;
  }
  throw new Error('expected a KeyFileError');
}

/** Edits the parsed key file and serializes it again. */
function edited(text: string, edit: (json: Record<string, Record<string, unknown>>) => void): string {
  const json = JSON.parse(text) as Record<string, Record<string, unknown>>;
  edit(json);
  return JSON.stringify(json);
}

describe('generateKeys', () => {
  it('makes an Ed25519 pair and an age X25519 identity in the documented encodings', async () => {
    expect(Buffer.from(keys.signPublic, 'base64')).toHaveLength(32);
    expect(keys.signPrivate).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(createPrivateKey(keys.signPrivate).asymmetricKeyType).toBe('ed25519');
    expect(keys.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(keys.ageRecipient).toBe(await identityToRecipient(keys.ageIdentity));
    expect(other.signPublic).not.toBe(keys.signPublic);
    expect(other.ageIdentity).not.toBe(keys.ageIdentity);
  });
});

describe('signBytes / verifyBytes', () => {
  const data = Buffer.from('清单 manifest bytes', 'utf8');

  it('verifies its own signature and nothing else', () => {
    const signature = signBytes(keys.signPrivate, data);
    expect(signature).toHaveLength(64);
    expect(verifyBytes(keys.signPublic, data, signature)).toBe(true);
    expect(verifyBytes(other.signPublic, data, signature)).toBe(false);
    expect(verifyBytes(keys.signPublic, Buffer.concat([data, Buffer.from([0])]), signature)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(verifyBytes(keys.signPublic, data, flipped)).toBe(false);
  });

  it('returns false, never throws, on malformed keys and signatures', () => {
    const signature = signBytes(keys.signPrivate, data);
    const badKeys = ['', 'abc', '!!!!', keys.signPublic.slice(0, -4), `${keys.signPublic}AAAA`, Buffer.alloc(32).toString('base64'), keys.signPrivate];
    for (const bad of badKeys) expect(verifyBytes(bad, data, signature)).toBe(false);
    for (const sig of [Buffer.alloc(0), signature.subarray(0, 63), Buffer.concat([signature, Buffer.from([0])]), Buffer.alloc(64)]) {
      expect(verifyBytes(keys.signPublic, data, sig)).toBe(false);
    }
  });

  it('refuses to sign with something that is not an Ed25519 private key', () => {
    expect(() => signBytes('not a key', data)).toThrow();
  });
});

describe('fingerprint', () => {
  /** Independent reference: 60 leading bits of the SHA-256 as Crockford base32. */
  function referenceFingerprint(signPublic: string, ageRecipient: string): string {
    const digest = createHash('sha256').update(Buffer.from(signPublic, 'base64')).update(ageRecipient, 'utf8').digest();
    const value = digest.readBigUInt64BE(0) >> 4n;
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let code = '';
    for (let shift = 55n; shift >= 0n; shift -= 5n) code += alphabet[Number((value >> shift) & 31n)];
    return code.match(/.{4}/g)?.join('-') ?? '';
  }

  it('is stable, well-formed and matches the documented derivation', () => {
    const fp = fingerprint(keys);
    expect(fp).toMatch(FINGERPRINT_PATTERN);
    expect(fingerprint({ signPublic: keys.signPublic, ageRecipient: keys.ageRecipient })).toBe(fp);
    expect(fp).toBe(referenceFingerprint(keys.signPublic, keys.ageRecipient));
    const zeros = { signPublic: Buffer.alloc(32).toString('base64'), ageRecipient: 'age1' };
    expect(fingerprint(zeros)).toBe(referenceFingerprint(zeros.signPublic, zeros.ageRecipient));
  });

  it('differs between key pairs and depends on both public keys', () => {
    const fp = fingerprint(keys);
    expect(fingerprint(other)).not.toBe(fp);
    expect(fingerprint({ signPublic: keys.signPublic, ageRecipient: other.ageRecipient })).not.toBe(fp);
    expect(fingerprint({ signPublic: other.signPublic, ageRecipient: keys.ageRecipient })).not.toBe(fp);
  });

  it('refuses a signPublic that is not a 32-byte key', () => {
    expect(() => fingerprint({ signPublic: 'abc', ageRecipient: keys.ageRecipient })).toThrow();
  });
});

describe('key file', () => {
  it('round-trips through the passphrase', () => {
    expect(openKeyFile(sealed, PASSPHRASE)).toEqual(keys);
  });

  it('accepts the same passphrase in another Unicode normalization form', () => {
    const nfc = 'Café-口令-站点';
    const text = sealKeyFile(keys, nfc);
    expect(openKeyFile(text, nfc.normalize('NFD'))).toEqual(keys);
  });

  it('shows the public keys and fingerprint without the passphrase', () => {
    const pub = publicKeysOf(sealed);
    expect(pub).toEqual({ signPublic: keys.signPublic, ageRecipient: keys.ageRecipient });
    expect(fingerprint(pub)).toBe(fingerprint(keys));
  });

  it('holds no private key material in clear', () => {
    const pemBody = keys.signPrivate.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const seed = createPrivateKey(keys.signPrivate).export({ format: 'jwk' }).d ?? '';
    expect(seed.length).toBeGreaterThan(40);
    const unspaced = sealed.replace(/\s+/g, '');
    expect(unspaced).not.toContain(pemBody);
    for (const line of keys.signPrivate.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect(sealed).not.toContain(line);
    expect(sealed).not.toContain(seed);
    expect(sealed).not.toContain(Buffer.from(seed, 'base64url').toString('base64').replace(/=+$/, ''));
    expect(sealed).not.toContain('AGE-SECRET-KEY');
    expect(sealed).not.toContain(keys.ageIdentity.slice(16));
    expect(sealed).not.toContain(keys.ageIdentity.slice(16).toLowerCase());
  });

  it('says "wrong passphrase" for a wrong passphrase', () => {
    const err = (() => {
      try {
        openKeyFile(sealed, `${PASSPHRASE}x`);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(KeyFileError);
    expect((err as KeyFileError).reason).toBe('wrong_passphrase');
    expect((err as KeyFileError).messageZh).toBe('密钥口令不正确');
  });

  it('refuses a passphrase under 8 characters, counting Chinese characters as one each', () => {
    for (const short of ['', '1234567', '七个汉字的口令']) {
      try {
        sealKeyFile(keys, short);
        expect.unreachable(`sealed with "${short}"`);
      } catch (err) {
        expect(err).toBeInstanceOf(KeyFileError);
        expect((err as KeyFileError).reason).toBe('weak_passphrase');
        expect((err as KeyFileError).messageZh).toBe('密钥口令至少8个字符');
      }
    }
    expect(() => sealKeyFile(keys, '八个汉字组成口令')).not.toThrow();
  });

  it('refuses to seal keys whose halves do not belong together', () => {
    expect(() => sealKeyFile({ ...keys, signPublic: other.signPublic }, PASSPHRASE)).toThrow(/signPublic/);
  });

  it('rejects a flipped byte anywhere as corrupt or wrong passphrase', () => {
    const bytes = Buffer.from(sealed, 'utf8');
    // ~30 positions across the whole file: each that survives parsing costs one scrypt.
    const step = Math.ceil(bytes.length / 30);
    const seen = new Set<KeyFileErrorReason>();
    for (let at = 0; at < bytes.length; at += step) {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      const reason = keyFileReason(() => openKeyFile(copy.toString('utf8'), PASSPHRASE));
      expect(['corrupt', 'wrong_passphrase'], `flip at ${at}`).toContain(reason);
      seen.add(reason);
    }
    expect(seen.has('corrupt')).toBe(true);
  });

  it('rejects a changed ciphertext, tag, iv or salt (GCM) as wrong passphrase', () => {
    const swapFirst = (b64: string): string => {
      const raw = Buffer.from(b64, 'base64');
      raw[0] = (raw[0] ?? 0) ^ 0x80;
      return raw.toString('base64');
    };
    const variants = [
      edited(sealed, (j) => void (j.cipher!.tag = swapFirst(j.cipher!.tag as string))),
      edited(sealed, (j) => void (j.cipher!.iv = swapFirst(j.cipher!.iv as string))),
      edited(sealed, (j) => void (j.kdf!.salt = swapFirst(j.kdf!.salt as string))),
    ];
    for (const text of variants) expect(keyFileReason(() => openKeyFile(text, PASSPHRASE))).toBe('wrong_passphrase');
  });

  it('rejects swapped public keys in clear as corrupt', () => {
    const swapped = edited(sealed, (j) => void (j.public!.signPublic = other.signPublic));
    expect(publicKeysOf(swapped).signPublic).toBe(other.signPublic);
    expect(keyFileReason(() => openKeyFile(swapped, PASSPHRASE))).toBe('corrupt');
  });

  it('rejects structural damage as corrupt before any key derivation', () => {
    const texts = [
      '',
      'not json',
      '[]',
      sealed.slice(0, sealed.length / 2),
      edited(sealed, (j) => void (j.kdf!.N = 2 ** 30)), // would need 1 TiB if trusted
      edited(sealed, (j) => void (j.kdf!.r = 64)),
      edited(sealed, (j) => void delete j.cipher),
      edited(sealed, (j) => void (j.cipher!.iv = 'AAAA')),
      edited(sealed, (j) => void (j.kdf!.salt = 'not base64!')),
      edited(sealed, (j) => void ((j as Record<string, unknown>).version = 2)),
      ' '.repeat(100_000),
    ];
    const started = performance.now();
    for (const text of texts) expect(keyFileReason(() => openKeyFile(text, PASSPHRASE))).toBe('corrupt');
    expect(performance.now() - started).toBeLessThan(500);
    for (const text of ['', 'not json', '[]', sealed.slice(0, sealed.length / 2), edited(sealed, (j) => void (j.public!.signPublic = 'AAAA'))]) {
      expect(keyFileReason(() => publicKeysOf(text))).toBe('corrupt');
    }
  });
});
