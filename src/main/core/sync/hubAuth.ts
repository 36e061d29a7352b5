/**
 * Who may send a body to the county's hub. Bundles are verified whole before a row is written, but
 * only after they have been received: without a check at the door anyone on the network could make
 * the hub hold many large uploads. So the station first takes a one-time challenge from the hub and
 * signs (challenge, station code, body size) with its Ed25519 key; a station whose keys the county
 * does not know yet (enrolled, first bundle not received) proves it holds the enrolment token. The
 * challenge, not a timestamp, keeps a signature from being replayed: village PC clocks are often wrong.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LedgerError, type HubSenderClaim } from '../../../shared/contract';
import type { Sqlite } from '../db/open';
import { tokenHash } from './enrolment';
import { signBytes, verifyBytes } from './keys';

/** Request headers that carry the claim; the body size is the request's Content-Length. */
export const HUB_HEADERS = {
  station: 'x-ledger-station',
  nonce: 'x-ledger-nonce',
  signature: 'x-ledger-signature',
  tokenProof: 'x-ledger-token-proof',
} as const;

type Claim = Pick<HubSenderClaim, 'station' | 'nonce' | 'size'>;

function claimBytes(c: Claim): Buffer {
  return Buffer.from(`station-ledger-hub/1\n${c.station}\n${c.nonce}\n${c.size}`, 'utf8');
}

const tokenProofOf = (hashOfToken: string, c: Claim) => createHmac('sha256', hashOfToken).update(claimBytes(c)).digest('base64');

/** Station side: the proofs for one upload. */
export function signClaim(signPrivate: string, enrolmentToken: string | null, c: Claim): { signature: string; tokenProof?: string } {
  return {
    signature: signBytes(signPrivate, claimBytes(c)).toString('base64'),
    ...(enrolmentToken ? { tokenProof: tokenProofOf(tokenHash(enrolmentToken), c) } : {}),
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function refuse(message: string, detail: string): never {
  throw new LedgerError({ code: 'validation', message, detail });
}

/** County side: throws unless the claim comes from an enrolled (or freshly enrolled) station. */
export function verifyClaim(db: Sqlite, c: HubSenderClaim): void {
  const peer = db.prepare('SELECT state, token_hash, sign_public FROM sync_stations WHERE code = ?').get(c.station) as
    | { state: string; token_hash: string | null; sign_public: string | null }
    | undefined;
  if (!peer) refuse('县局没有登记该站点', `station ${c.station} is not enrolled`);
  if (peer.state === 'revoked') refuse('该站点已被县局停用', `station ${c.station} is revoked`);
  if (peer.state === 'enrolled' && peer.sign_public && c.signature) {
    if (verifyBytes(peer.sign_public, claimBytes(c), Buffer.from(c.signature, 'base64'))) return;
    refuse('站点签名不正确', `bad signature from ${c.station}`);
  }
  if (peer.state === 'pending' && peer.token_hash && c.tokenProof) {
    if (sameText(tokenProofOf(peer.token_hash, c), c.tokenProof)) return;
    refuse('登记码不正确，请导入县局最新的登记文件', `bad enrolment token proof from ${c.station}`);
  }
  refuse('站点未能证明身份', `no usable proof from ${c.station} (state ${peer.state})`);
}
