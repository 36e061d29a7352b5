/**
 * This machine's sync keys: one file in the data dir, sealed with the user's passphrase, so the
 * app and the CLI (which open the same data dir) can both use it and neither keeps it in clear.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '../../../shared/contract';
import { assertStrongPassphrase, fingerprint, generateKeys, KeyFileError, openKeyFile, publicKeysOf, sealKeyFile, type PublicKeys, type SyncKeys } from './keys';

const KEY_FILE = join('keys', 'station-ledger.key');

export function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE);
}

export function hasKeys(dataDir: string): boolean {
  return existsSync(keyFilePath(dataDir));
}

/** Makes and seals new keys; refuses to replace existing ones (the other side trusts them). */
export async function createKeys(dataDir: string, passphrase: string): Promise<PublicKeys & { fingerprint: string }> {
  if (hasKeys(dataDir)) {
    throw new LedgerError({ code: 'conflict', message: '本机已有同步密钥，不能重复创建', detail: 'sync keys already exist' });
  }
  const keys = await generateKeys();
  const text = sealed(keys, passphrase);
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  // Write then rename: a crash never leaves a half-written key file.
  const tmp = `${keyFilePath(dataDir)}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, keyFilePath(dataDir));
  return { signPublic: keys.signPublic, ageRecipient: keys.ageRecipient, fingerprint: fingerprint(keys) };
}

/**
 * Checks the passphrase before anything is read or written: the one this machine's keys are sealed
 * with, or, before keys exist, one strong enough to seal new ones.
 */
export function checkPassphrase(dataDir: string, passphrase: string): void {
  if (hasKeys(dataDir)) {
    unlockKeys(dataDir, passphrase);
    return;
  }
  try {
    assertStrongPassphrase(passphrase);
  } catch (e) {
    throw asLedgerError(e);
  }
}

function sealed(keys: SyncKeys, passphrase: string): string {
  try {
    return sealKeyFile(keys, passphrase);
  } catch (e) {
    throw asLedgerError(e);
  }
}

function asLedgerError(e: unknown): unknown {
  if (!(e instanceof KeyFileError)) return e;
  return new LedgerError({ code: 'validation', message: e.messageZh, detail: e.message, fieldErrors: { passphrase: e.messageZh } });
}

function requireKeyFile(dataDir: string): string {
  if (!hasKeys(dataDir)) {
    throw new LedgerError({ code: 'not_initialised', message: '本机还没有同步密钥，请先完成登记（县局：初始化；站点：导入登记文件）', detail: 'no sync keys' });
  }
  return readFileSync(keyFilePath(dataDir), 'utf8');
}

export function unlockKeys(dataDir: string, passphrase: string | undefined): SyncKeys {
  const text = requireKeyFile(dataDir);
  if (!passphrase) {
    throw new LedgerError({ code: 'validation', message: '请输入密钥口令', detail: 'passphrase required', fieldErrors: { passphrase: '请输入密钥口令' } });
  }
  try {
    return openKeyFile(text, passphrase);
  } catch (e) {
    throw asLedgerError(e);
  }
}

/** Public keys and fingerprint, readable without the passphrase (for status screens). */
export function ownPublicKeys(dataDir: string): (PublicKeys & { fingerprint: string }) | null {
  if (!hasKeys(dataDir)) return null;
  const keys = publicKeysOf(readFileSync(keyFilePath(dataDir), 'utf8'));
  return { ...keys, fingerprint: fingerprint(keys) };
}
