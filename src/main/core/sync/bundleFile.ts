/**
 * The bundle file: what a USB stick (or the hub's HTTP body) carries between a station and the
 * county. It is untrusted input from the moment it is read, so `openBundle` authenticates before
 * it interprets: size → decrypt → frame → manifest shape → sender key → signature → payload
 * hash → gunzip. No payload byte is parsed before the signature and the hash pass. Encryption
 * alone authenticates nothing (anyone holding our public recipient can encrypt to us); the
 * sender's Ed25519 signature does.
 *
 * Frame (the age plaintext; integers big-endian):
 *   8 bytes   magic "SLBUNDL1"
 *   u32       manifest length M
 *   M bytes   manifest, UTF-8 JSON
 *   64 bytes  Ed25519 signature over SIGNATURE_CONTEXT ‖ manifest bytes
 *   rest      payload: gzip (level 6) of the JSON payload; its size and SHA-256 are in the manifest
 * File = age (binary, X25519 recipient) encryption of the whole frame.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip, createGzip, gunzipSync, gzip as gzipCb } from 'node:zlib';
import { Decrypter, Encrypter } from 'age-encryption';
import { z } from 'zod';
import { FINGERPRINT_PATTERN, fingerprint, signBytes, verifyBytes } from './keys';

const gzip = promisify(gzipCb);

export const BUNDLE_MAGIC = Buffer.from('SLBUNDL1', 'ascii');
/** Domain separation: a bundle signature can never be replayed as a signature of anything else. */
export const SIGNATURE_CONTEXT = Buffer.from('station-ledger-bundle-v1\0', 'utf8');
const SIGNATURE_BYTES = 64;
const LENGTH_BYTES = 4;
const HEADER_BYTES = BUNDLE_MAGIC.length + LENGTH_BYTES;
/** The manifest holds ranges and acks, never rows; a megabyte is far beyond any real one. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Whole file, checked before any decryption work. */
export const DEFAULT_MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/** Decompressed payload bound (zip-bomb guard); V8 cannot hold a longer JSON string anyway. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 512 * 1024 * 1024;
/** Every age v1 file starts with this line; anything else is not an encrypted bundle at all. */
const AGE_INTRO = Buffer.from('age-encryption.org/v1\n', 'ascii');

// ---------------------------------------------------------------------------------------------
// Manifest

export interface BundleManifest {
  format: 'station-ledger-bundle';
  formatVersion: 1;
  bundleId: string;
  kind: 'upstream' | 'downstream';
  sender: { code: string; role: 'station' | 'county'; epoch: number; fingerprint: string };
  recipient: { code: string };
  schemaVersion: number;
  minReaderVersion: number;
  appVersion: string;
  createdAt: string;
  /** Opaque here: defined and checked by the sync logic. */
  ranges: Record<string, unknown>;
  /** Opaque here: defined and checked by the sync logic. */
  ack?: Record<string, unknown>;
  /** Present only in a station's first bundle after enrolment. */
  enrolment?: { token: string; signPublic: string; ageRecipient: string };
  counts: Record<string, number>;
  /** Hex SHA-256 of the compressed payload. */
  payloadSha256: string;
  /** Byte length of the compressed payload. */
  payloadSize: number;
}

export type ManifestDraft = Omit<BundleManifest, 'payloadSha256' | 'payloadSize'>;

const codeSchema = z.string().min(1).max(64);
const countSchema = z.int().nonnegative();

/** Unknown top-level keys are dropped, not refused: newer writers gate on minReaderVersion. */
const manifestSchema = z.object({
  format: z.literal('station-ledger-bundle'),
  formatVersion: z.literal(1),
  bundleId: z.string().min(1).max(128),
  kind: z.enum(['upstream', 'downstream']),
  sender: z.object({
    code: codeSchema,
    role: z.enum(['station', 'county']),
    epoch: countSchema,
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
  }),
  recipient: z.object({ code: codeSchema }),
  schemaVersion: countSchema,
  minReaderVersion: countSchema,
  appVersion: z.string().min(1).max(64),
  createdAt: z.string().max(64),
  ranges: z.record(z.string(), z.unknown()),
  ack: z.record(z.string(), z.unknown()).optional(),
  enrolment: z
    .object({ token: z.string().min(1).max(256), signPublic: z.string().max(100), ageRecipient: z.string().max(2100) })
    .optional(),
  counts: z.record(z.string(), countSchema),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  payloadSize: countSchema,
}) satisfies z.ZodType<BundleManifest>;

// ---------------------------------------------------------------------------------------------
// Rejections

export type BundleRejectReason = 'too_large' | 'not_for_us' | 'malformed' | 'unknown_sender' | 'bad_signature' | 'bad_hash';

const REJECT_MESSAGES_ZH: Record<BundleRejectReason, string> = {
  too_large: '数据包过大，超出允许的大小，已拒绝',
  not_for_us: '无法解密：该数据包不是发给本机的，或文件已损坏',
  malformed: '文件不是有效的台账数据包',
  unknown_sender: '数据包来自未登记或已停用的站点，已拒绝',
  bad_signature: '数据包签名无效，可能被篡改，已拒绝',
  bad_hash: '数据包内容校验失败，可能已损坏或被篡改',
};
const UNKNOWN_COUNTY_ZH = '数据包来自未登记或已更换密钥的县级中心，已拒绝';

/** `message` is English detail for logs; `messageZh` is what the user sees. */
export class BundleRejected extends Error {
  readonly reason: BundleRejectReason;
  readonly messageZh: string;

  constructor(reason: BundleRejectReason, detail: string, options?: { cause?: unknown; messageZh?: string }) {
    super(detail, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BundleRejected';
    this.reason = reason;
    this.messageZh = options?.messageZh ?? REJECT_MESSAGES_ZH[reason];
  }
}

// ---------------------------------------------------------------------------------------------
// Frame (exported for tests and tools that must build deliberately bad bundles)

export interface BundleFrame {
  manifestBytes: Buffer;
  signature: Buffer;
  /** The compressed payload. */
  payload: Buffer;
}

export function encodeFrame(frame: BundleFrame): Buffer {
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(frame.manifestBytes.length);
  return Buffer.concat([BUNDLE_MAGIC, length, frame.manifestBytes, frame.signature, frame.payload]);
}

/** Slices (no copies) of a decrypted frame; throws BundleRejected('malformed'). */
export function decodeFrame(bytes: Buffer): BundleFrame {
  if (bytes.length < HEADER_BYTES + SIGNATURE_BYTES) throw new BundleRejected('malformed', `frame too short (${bytes.length} bytes)`);
  if (!bytes.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)) throw new BundleRejected('malformed', 'bad frame magic');
  const manifestLength = bytes.readUInt32BE(BUNDLE_MAGIC.length);
  if (manifestLength < 2 || manifestLength > MAX_MANIFEST_BYTES) {
    throw new BundleRejected('malformed', `manifest length ${manifestLength} out of bounds`);
  }
  const signatureAt = HEADER_BYTES + manifestLength;
  const payloadAt = signatureAt + SIGNATURE_BYTES;
  if (payloadAt > bytes.length) throw new BundleRejected('malformed', `manifest length ${manifestLength} exceeds frame (${bytes.length} bytes)`);
  return {
    manifestBytes: bytes.subarray(HEADER_BYTES, signatureAt),
    signature: bytes.subarray(signatureAt, payloadAt),
    payload: bytes.subarray(payloadAt),
  };
}

function signedMessage(manifestBytes: Uint8Array): Buffer {
  return Buffer.concat([SIGNATURE_CONTEXT, manifestBytes]);
}

export function signManifest(manifestBytes: Uint8Array, signPrivate: string): Buffer {
  return signBytes(signPrivate, signedMessage(manifestBytes));
}

/** age, binary (not armored), to one X25519 recipient. */
export async function encryptFrame(frame: Uint8Array, recipient: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(frame);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Seal

export interface SealBundleInput {
  manifest: ManifestDraft;
  /** The raw JSON payload bytes. */
  payload: Buffer;
  signPrivate: string;
  /** The recipient's age recipient (`age1...`). */
  recipient: string;
}

/** Throws on a manifest that openBundle would reject: sealing one is a bug in the writer. */
function manifestBytesOf(manifest: BundleManifest): Buffer {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`invalid bundle manifest: ${parsed.error.message}`);
  checkEnrolment(parsed.data);
  const bytes = Buffer.from(JSON.stringify(parsed.data), 'utf8');
  if (bytes.length > MAX_MANIFEST_BYTES) throw new Error(`bundle manifest is ${bytes.length} bytes, limit ${MAX_MANIFEST_BYTES}`);
  return bytes;
}

export async function sealBundle(input: SealBundleInput): Promise<Uint8Array> {
  const { payload, ...rest } = input;
  return sealCompressed({ ...rest, compressed: await gzip(payload, { level: 6 }) });
}

/** Signs and encrypts a payload already compressed (by `gzip` at level 6, or a `PayloadWriter`). */
export async function sealCompressed(input: Omit<SealBundleInput, 'payload'> & { compressed: Buffer }): Promise<Uint8Array> {
  const { compressed } = input;
  const manifestBytes = manifestBytesOf({ ...input.manifest, payloadSha256: sha256Hex(compressed), payloadSize: compressed.length });
  const signature = signManifest(manifestBytes, input.signPrivate);
  return encryptFrame(encodeFrame({ manifestBytes, signature, payload: compressed }), input.recipient);
}

/**
 * Gzip (level 6) of a payload handed over a piece at a time: zlib compresses off the main thread
 * while the next piece is made, and no payload-sized text or buffer is ever built.
 */
export class PayloadWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly out: Buffer[] = [];

  constructor() {
    this.gzip.on('data', (piece: Buffer) => this.out.push(piece));
  }

  async write(piece: Buffer | string): Promise<void> {
    if (!this.gzip.write(piece)) await once(this.gzip, 'drain');
  }

  async end(): Promise<Buffer> {
    const done = finished(this.gzip);
    this.gzip.end();
    await done;
    return Buffer.concat(this.out);
  }

  /** Frees zlib's memory when the payload will not be finished. */
  abort(): void {
    this.gzip.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Open

export interface OpenBundleOptions {
  /** Our age identity (`AGE-SECRET-KEY-1...`). */
  identity: string;
  /** The sender's signPublic if it is enrolled and not revoked, else null. Called once, after the manifest is shape-checked. */
  senderKey: (manifest: BundleManifest) => string | null;
  /** Whole-file limit; default DEFAULT_MAX_BUNDLE_BYTES. */
  maxBytes?: number;
  /** Decompressed payload limit; default DEFAULT_MAX_PAYLOAD_BYTES. */
  maxPayloadBytes?: number;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  /** The decompressed JSON payload bytes, authenticated but not yet parsed. */
  payload: Buffer;
}

function checkSize(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length > maxBytes) throw new BundleRejected('too_large', `bundle is ${bytes.length} bytes, limit ${maxBytes}`);
}

async function decryptEnvelope(bytes: Uint8Array, identity: string): Promise<Buffer> {
  if (bytes.length < AGE_INTRO.length || !AGE_INTRO.equals(bytes.subarray(0, AGE_INTRO.length))) {
    throw new BundleRejected('malformed', 'not an age-encrypted file');
  }
  try {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const plain = await decrypter.decrypt(bytes);
    return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  } catch (err) {
    // Another recipient, a damaged header or a damaged body: age does not say which to us.
    const detail = err instanceof Error ? err.message : String(err);
    throw new BundleRejected('not_for_us', `age decryption failed: ${detail}`, { cause: err });
  }
}

function parseManifest(manifestBytes: Buffer): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch (err) {
    throw new BundleRejected('malformed', 'manifest is not UTF-8 JSON', { cause: err });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BundleRejected('malformed', `manifest has an unexpected shape: ${parsed.error.message}`);
  checkEnrolment(parsed.data);
  return parsed.data;
}

/** An enrolment bundle announces the sender's keys: they must be the keys its fingerprint names. */
function checkEnrolment(manifest: BundleManifest): void {
  if (!manifest.enrolment) return;
  let announced: string;
  try {
    announced = fingerprint(manifest.enrolment);
  } catch (err) {
    throw new BundleRejected('malformed', 'enrolment keys are malformed', { cause: err });
  }
  if (announced !== manifest.sender.fingerprint) throw new BundleRejected('malformed', 'enrolment keys do not match the sender fingerprint');
}

function checkSignature(frame: BundleFrame, manifest: BundleManifest, senderKey: OpenBundleOptions['senderKey']): void {
  const signPublic = senderKey(manifest);
  if (signPublic === null) {
    const messageZh = manifest.sender.role === 'county' ? UNKNOWN_COUNTY_ZH : undefined;
    throw new BundleRejected('unknown_sender', `no active key for ${manifest.sender.role} ${manifest.sender.code}`, { messageZh });
  }
  if (!verifyBytes(signPublic, signedMessage(frame.manifestBytes), frame.signature)) {
    throw new BundleRejected('bad_signature', `signature does not verify for ${manifest.sender.role} ${manifest.sender.code}`);
  }
}

function checkPayload(payload: Buffer, manifest: BundleManifest): void {
  if (payload.length !== manifest.payloadSize) {
    throw new BundleRejected('bad_hash', `payload is ${payload.length} bytes, manifest says ${manifest.payloadSize}`);
  }
  if (sha256Hex(payload) !== manifest.payloadSha256) throw new BundleRejected('bad_hash', 'payload SHA-256 does not match the manifest');
}

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}

/** Beyond this ratio a gzip trailer's stated size is not believed (JSON inflates some 5–15×). */
const MAX_STATED_RATIO = 64;

/** What gzip's trailer states the inflated size to be (mod 2^32), if that is believable. */
export function statedPayloadSize(compressed: Buffer, maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES): number | null {
  const stated = compressed.length >= 4 ? compressed.readUInt32LE(compressed.length - 4) : 0;
  return stated <= maxPayloadBytes && stated <= compressed.length * MAX_STATED_RATIO ? stated : null;
}

function inflateError(err: unknown, maxPayloadBytes: number): BundleRejected {
  if (errorCode(err) === 'ERR_BUFFER_TOO_LARGE') return new BundleRejected('too_large', `payload inflates beyond ${maxPayloadBytes} bytes`, { cause: err });
  return new BundleRejected('malformed', 'payload is not valid gzip', { cause: err });
}

/**
 * The whole inflated payload. Inflating into one buffer of the trailer's stated size spares the
 * default chunks and their final copy; a misstated size only costs the chunked path, and the
 * limit holds either way.
 */
export function inflatePayload(compressed: Buffer, maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES): Buffer {
  const stated = statedPayloadSize(compressed, maxPayloadBytes);
  try {
    // The chunk must exceed the output: a chunk filled exactly makes zlib allocate another.
    return gunzipSync(compressed, { maxOutputLength: maxPayloadBytes, ...(stated !== null ? { chunkSize: stated + 64 } : {}) });
  } catch (err) {
    throw inflateError(err, maxPayloadBytes);
  }
}

/** Small pieces die young in memory; each costs a turn of the event loop, which larger ones did not repay. */
const PIECE_BYTES = 64 * 1024;

/** The inflated payload in pieces, as zlib makes them off the main thread; the same limit and errors as `inflatePayload`. */
export async function* inflatePieces(compressed: Buffer, maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: PIECE_BYTES });
  gunzip.end(compressed);
  let total = 0;
  try {
    for await (const piece of gunzip as AsyncIterable<Buffer>) {
      total += piece.length;
      if (total > maxPayloadBytes) throw Object.assign(new Error('output too large'), { code: 'ERR_BUFFER_TOO_LARGE' });
      yield piece;
    }
  } catch (err) {
    throw inflateError(err, maxPayloadBytes);
  } finally {
    gunzip.destroy();
  }
}

/** A bundle authenticated (signature and payload hash checked) but not yet inflated. */
export interface AuthenticatedBundle {
  manifest: BundleManifest;
  /** The gzip payload. */
  compressed: Buffer;
}

async function authenticateChecked(bytes: Uint8Array, options: OpenBundleOptions): Promise<AuthenticatedBundle> {
  checkSize(bytes, options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES);
  const frame = decodeFrame(await decryptEnvelope(bytes, options.identity));
  const manifest = parseManifest(frame.manifestBytes);
  checkSignature(frame, manifest, options.senderKey);
  checkPayload(frame.payload, manifest);
  return { manifest, compressed: frame.payload };
}

/** Every failure, expected or not (including a throwing `senderKey`), as BundleRejected. */
async function rejecting<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BundleRejected) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new BundleRejected('malformed', `unexpected error while opening bundle: ${detail}`, { cause: err });
  }
}

/** All of `openBundle`'s checks but the inflation, for a reader that inflates as it reads. */
export async function authenticateBundle(bytes: Uint8Array, options: OpenBundleOptions): Promise<AuthenticatedBundle> {
  return rejecting(() => authenticateChecked(bytes, options));
}

/**
 * Authenticates and unpacks a bundle. Every failure, expected or not (including a throwing
 * `senderKey`), surfaces as BundleRejected so an import can report it and change nothing.
 */
export async function openBundle(bytes: Uint8Array, options: OpenBundleOptions): Promise<OpenedBundle> {
  return rejecting(async () => {
    const { manifest, compressed } = await authenticateChecked(bytes, options);
    return { manifest, payload: inflatePayload(compressed, options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES) };
  });
}
