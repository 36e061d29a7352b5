/**
 * The native age decryption (sync/ageDecrypt.ts) against the age-encryption library: the same
 * plaintext for every file the library accepts, around every chunk boundary, and a refusal for
 * every file the library refuses — truncated, extended, reordered or flipped anywhere.
 */
import { randomBytes } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptAge } from '../../../src/main/core/sync/ageDecrypt';
import { generateKeys, type SyncKeys } from '../../../src/main/core/sync/keys';

const CHUNK = 64 * 1024;
const SEALED = CHUNK + 16;

let keys: SyncKeys;
let other: SyncKeys;

beforeAll(async () => {
  [keys, other] = await Promise.all([generateKeys(), generateKeys()]);
});

async function encrypt(plain: Uint8Array, recipient = keys.ageRecipient): Promise<Buffer> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return Buffer.from(await e.encrypt(plain));
}

/** What the library makes of a file: its plaintext, or null if it refuses it. */
async function library(file: Uint8Array): Promise<Buffer | null> {
  try {
    const d = new Decrypter();
    d.addIdentity(keys.ageIdentity);
    return Buffer.from(await d.decrypt(file));
  } catch {
    return null;
  }
}

async function native(file: Uint8Array): Promise<Buffer | null> {
  try {
    return await decryptAge(file, keys.ageIdentity);
  } catch {
    return null;
  }
}

function payloadStart(file: Buffer): number {
  return file.indexOf('\n', file.indexOf('\n--- ') + 1) + 1 + 16;
}

describe('decryptAge', () => {
  it('reads what the library writes, at every size around the 64 KiB chunk boundaries', async () => {
    for (const size of [0, 1, 15, 16, 17, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 16, 3 * CHUNK - 1]) {
      const plain = randomBytes(size);
      const file = await encrypt(plain);
      expect((await native(file))?.equals(plain), `size ${size}`).toBe(true);
    }
  });

  it('refuses a file for another recipient, and garbage', async () => {
    expect(await native(await encrypt(randomBytes(100), other.ageRecipient))).toBeNull();
    expect(await native(randomBytes(500))).toBeNull();
    expect(await native(Buffer.from('age-encryption.org/v1\n-> X25519 abc\n--- xyz\n'))).toBeNull();
  });

  it('refuses a file cut at or after a chunk boundary, extended, or with chunks swapped or dropped', async () => {
    const plain = randomBytes(2 * CHUNK + 100);
    const file = await encrypt(plain);
    const start = payloadStart(file);
    const chunk = (i: number) => file.subarray(start + i * SEALED, Math.min(file.length, start + (i + 1) * SEALED));
    const head = file.subarray(0, start);
    const variants: [string, Buffer][] = [
      ['cut after chunk 1', file.subarray(0, start + SEALED)],
      ['cut after chunk 2', file.subarray(0, start + 2 * SEALED)],
      ['cut inside the last tag', file.subarray(0, file.length - 1)],
      ['cut to the bare header', head],
      ['a byte appended', Buffer.concat([file, Buffer.from([0])])],
      ['an empty final chunk appended', Buffer.concat([file, Buffer.alloc(16)])],
      ['chunks 1 and 2 swapped', Buffer.concat([head, chunk(1), chunk(0), chunk(2)])],
      ['chunk 2 dropped', Buffer.concat([head, chunk(0), chunk(2)])],
      ['chunk 1 repeated', Buffer.concat([head, chunk(0), chunk(0), chunk(1), chunk(2)])],
    ];
    for (const [what, bytes] of variants) {
      expect(await library(bytes), what).toBeNull();
      expect(await native(bytes), what).toBeNull();
    }
  });

  it('agrees with the library on every mutated file: the same plaintext or a refusal', async () => {
    const plain = randomBytes(CHUNK + 300);
    const file = await encrypt(plain);
    const start = payloadStart(file);
    // Positions biased to the structure: header, nonce, chunk edges and tags, the end.
    const at = fc.oneof(fc.nat({ max: start + 40 }), fc.integer({ min: start + SEALED - 20, max: start + SEALED + 20 }), fc.nat({ max: file.length - 1 }), fc.integer({ min: file.length - 20, max: file.length - 1 }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ flip: at, mask: fc.integer({ min: 1, max: 255 }) }), fc.record({ cut: at })), async (m) => {
        const bytes = 'flip' in m ? Buffer.from(file) : file.subarray(0, m.cut);
        if ('flip' in m) bytes[m.flip % bytes.length] = bytes[m.flip % bytes.length]! ^ m.mask;
        const [expected, actual] = [await library(bytes), await native(bytes)];
        expect(actual === null ? null : actual.equals(plain), JSON.stringify(m)).toBe(expected === null ? null : expected.equals(plain));
      }),
      { numRuns: 400 },
    );
  });
});
