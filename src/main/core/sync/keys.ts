/**
 * Sync keys of one machine (a station or the county): an Ed25519 pair that signs bundles, and an
 * age X25519 identity that bundles are encrypted to. The private halves exist on disk only inside
 * a key file sealed with a passphrase (scrypt + AES-256-GCM), a format both the app and the CLI
 * can open. The public halves stay readable in that file so status screens can show the
 * fingerprint without asking for the passphrase.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';

export interface SyncKeys {
  /** Base64 of the raw 32-byte Ed25519 public key. */
  signPublic: string;
  /** PKCS#8 PEM of the Ed25519 private key. */
  signPrivate: string;
  /** `AGE-SECRET-KEY-1...` */
  ageIdentity: string;
  /** `age1...` */
  ageRecipient: string;
}

export type PublicKeys = Pick<SyncKeys, 'signPublic' | 'ageRecipient'>;

// ---------------------------------------------------------------------------------------------
// Errors

export type KeyFileErrorReason = 'wrong_passphrase' | 'corrupt' | 'weak_passphrase';

const KEY_FILE_MESSAGES_ZH: Record<KeyFileErrorReason, string> = {
  wrong_passphrase: '密钥口令不正确',
  corrupt: '密钥文件已损坏',
  weak_passphrase: '密钥口令至少8个字符',
};

/** `message` is English detail for logs; `messageZh` is what the user sees. */
export class KeyFileError extends Error {
  readonly reason: KeyFileErrorReason;
  readonly messageZh: string;

  constructor(reason: KeyFileErrorReason, detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.name = 'KeyFileError';
    this.reason = reason;
    this.messageZh = KEY_FILE_MESSAGES_ZH[reason];
  }
}

// ---------------------------------------------------------------------------------------------
// Encodings

const ED25519_PUBLIC_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;
/** DER prefix of an SPKI Ed25519 public key (RFC 8410); the raw 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const AGE_RECIPIENT_PATTERN = /^age1[02-9ac-hj-np-z]{20,2000}$/;
const AGE_IDENTITY_PATTERN = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{20,4000}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strict base64: Buffer.from(s, 'base64') silently skips bad characters and ignores padding bits,
 * so two different strings could decode to the same key. Accept only the canonical encoding.
 */
function decodeBase64Strict(text: string, length?: number): Buffer | null {
  if (!BASE64_PATTERN.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  if (length !== undefined && bytes.length !== length) return null;
  return bytes;
}

function rawSignPublic(signPublic: string): Buffer | null {
  return decodeBase64Strict(signPublic, ED25519_PUBLIC_BYTES);
}

function publicKeyObject(signPublic: string): KeyObject | null {
  const raw = rawSignPublic(signPublic);
  if (!raw) return null;
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

function privateKeyObject(signPrivate: string): KeyObject {
  const key = createPrivateKey({ key: signPrivate, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an ed25519 private key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

function signPublicOf(key: KeyObject): string {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
}

// ---------------------------------------------------------------------------------------------
// Generation, fingerprint, signatures

export async function generateKeys(): Promise<SyncKeys> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const ageIdentity = await generateIdentity();
  return {
    signPublic: signPublicOf(publicKey),
    signPrivate: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ageIdentity,
    ageRecipient: await identityToRecipient(ageIdentity),
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FINGERPRINT_CHARS = 12;
const FINGERPRINT_CHAR = `[${CROCKFORD}]`;
export const FINGERPRINT_PATTERN = new RegExp(`^${FINGERPRINT_CHAR}{4}-${FINGERPRINT_CHAR}{4}-${FINGERPRINT_CHAR}{4}$`);

/** The first `chars` Crockford base32 digits of `bytes`, most significant bits first. */
function crockfordPrefix(bytes: Uint8Array, chars: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31];
    }
    if (out.length === chars) break;
  }
  return out;
}

/**
 * A short code people read aloud to compare a station's keys on the county's screen and the
 * station's own: 60 bits of SHA-256(raw signPublic ‖ ageRecipient UTF-8), Crockford base32,
 * grouped XXXX-XXXX-XXXX. Enough to catch a swapped or substituted key file, not a secret.
 */
export function fingerprint(keys: PublicKeys): string {
  const raw = rawSignPublic(keys.signPublic);
  if (!raw) throw new Error('signPublic is not base64 of a 32-byte Ed25519 key');
  const digest = createHash('sha256').update(raw).update(keys.ageRecipient, 'utf8').digest();
  const code = crockfordPrefix(digest, FINGERPRINT_CHARS);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

export function signBytes(signPrivate: string, data: Uint8Array): Buffer {
  return sign(null, data, privateKeyObject(signPrivate));
}

/** Never throws: a malformed key or signature is simply not a valid signature. */
export function verifyBytes(signPublic: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
    const key = publicKeyObject(signPublic);
    return key !== null && verify(null, data, key, signature);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Key file

const KEY_FILE_FORMAT = 'station-ledger-keys';
const KEY_FILE_VERSION = 1;
/** Bound to the ciphertext as GCM associated data, so a sealed blob cannot be reused elsewhere. */
const KEY_FILE_AAD = Buffer.from(`${KEY_FILE_FORMAT}/${KEY_FILE_VERSION}`, 'utf8');
/**
 * scrypt cost: ~100 ms on the 2-core machines. 128·N·r = 32 MiB equals Node's default `maxmem`,
 * which OpenSSL then refuses, hence the explicit larger maxmem. Only exactly these parameters are
 * accepted when opening, so a tampered file cannot make us allocate gigabytes.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MIN_PASSPHRASE_CHARS = 8;
/** A real key file is ~1 KiB; anything far larger is not one. */
const MAX_KEY_FILE_CHARS = 64 * 1024;

const publicSchema = z.object({ signPublic: z.string().max(100), ageRecipient: z.string().max(2100) });

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  public: publicSchema,
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.literal(SCRYPT.N),
    r: z.literal(SCRYPT.r),
    p: z.literal(SCRYPT.p),
    salt: z.string(),
  }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string() }),
  ciphertext: z.string().max(MAX_KEY_FILE_CHARS),
});
type KeyFileJson = z.infer<typeof keyFileSchema>;

/** The sealed plaintext repeats the public keys, so a swapped clear copy is detected on open. */
const sealedSchema = z.object({
  signPublic: z.string(),
  signPrivate: z.string(),
  ageIdentity: z.string(),
  ageRecipient: z.string(),
});

function normalizePassphrase(passphrase: string): string {
  // NFC: the same passphrase typed through different input methods must give the same bytes.
  return passphrase.normalize('NFC');
}

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(normalizePassphrase(passphrase), salt, KEY_BYTES, SCRYPT);
}

/** Throws a plain Error: inconsistent keys here are a programming error, not user input. */
function assertConsistent(keys: SyncKeys): void {
  if (!AGE_IDENTITY_PATTERN.test(keys.ageIdentity)) throw new Error('ageIdentity is not an age X25519 identity');
  if (!AGE_RECIPIENT_PATTERN.test(keys.ageRecipient)) throw new Error('ageRecipient is not an age recipient');
  if (signPublicOf(privateKeyObject(keys.signPrivate)) !== keys.signPublic) throw new Error('signPublic does not match signPrivate');
}

/** Throws `weak_passphrase` for a passphrase too short to seal a key file with. */
export function assertStrongPassphrase(passphrase: string): void {
  if ([...normalizePassphrase(passphrase)].length < MIN_PASSPHRASE_CHARS) {
    throw new KeyFileError('weak_passphrase', `passphrase shorter than ${MIN_PASSPHRASE_CHARS} characters`);
  }
}

export function sealKeyFile(keys: SyncKeys, passphrase: string): string {
  assertStrongPassphrase(passphrase);
  assertConsistent(keys);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
  cipher.setAAD(KEY_FILE_AAD);
  const plaintext = Buffer.from(JSON.stringify(keys), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const file: KeyFileJson = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    public: { signPublic: keys.signPublic, ageRecipient: keys.ageRecipient },
    kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function parseKeyFile(text: string): KeyFileJson {
  if (text.length > MAX_KEY_FILE_CHARS) throw new KeyFileError('corrupt', `key file is ${text.length} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new KeyFileError('corrupt', 'key file is not JSON', { cause: err });
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyFileError('corrupt', `key file has an unexpected shape: ${parsed.error.message}`);
  return parsed.data;
}

function checkedPublic(file: KeyFileJson): PublicKeys {
  const { signPublic, ageRecipient } = file.public;
  if (!rawSignPublic(signPublic)) throw new KeyFileError('corrupt', 'key file signPublic is not a 32-byte key');
  if (!AGE_RECIPIENT_PATTERN.test(ageRecipient)) throw new KeyFileError('corrupt', 'key file ageRecipient is malformed');
  return { signPublic, ageRecipient };
}

/** The public keys, readable without the passphrase (e.g. to show the fingerprint). */
export function publicKeysOf(text: string): PublicKeys {
  return checkedPublic(parseKeyFile(text));
}

function decodeField(text: string, length: number | undefined, field: string): Buffer {
  const bytes = decodeBase64Strict(text, length);
  if (!bytes) throw new KeyFileError('corrupt', `key file field ${field} is not valid base64 of the expected length`);
  return bytes;
}

function decryptSealed(file: KeyFileJson, passphrase: string): Buffer {
  const salt = decodeField(file.kdf.salt, SALT_BYTES, 'kdf.salt');
  const iv = decodeField(file.cipher.iv, IV_BYTES, 'cipher.iv');
  const tag = decodeField(file.cipher.tag, TAG_BYTES, 'cipher.tag');
  const ciphertext = decodeField(file.ciphertext, undefined, 'ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
  decipher.setAAD(KEY_FILE_AAD);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (err) {
    // GCM cannot tell a wrong passphrase from damaged ciphertext; the passphrase is far likelier.
    throw new KeyFileError('wrong_passphrase', 'key file authentication failed', { cause: err });
  }
}

function parseSealed(plaintext: Buffer, outer: PublicKeys): SyncKeys {
  let inner: SyncKeys;
  try {
    inner = sealedSchema.parse(JSON.parse(plaintext.toString('utf8')));
    assertConsistent(inner);
  } catch (err) {
    throw new KeyFileError('corrupt', 'sealed keys are malformed or inconsistent', { cause: err });
  }
  if (inner.signPublic !== outer.signPublic || inner.ageRecipient !== outer.ageRecipient) {
    throw new KeyFileError('corrupt', 'public keys in clear do not match the sealed ones');
  }
  return inner;
}

export function openKeyFile(text: string, passphrase: string): SyncKeys {
  const file = parseKeyFile(text);
  const outer = checkedPublic(file);
  return parseSealed(decryptSealed(file, passphrase), outer);
}
