/**
 * Station side of network sync: the same bundles as the USB stick, carried over HTTP to the
 * county's hub (src/main/hub). One challenge, then one POST whose headers prove who sends it; the
 * reply is the county's bundle for this station. No second protocol, so every check of a file
 * import applies, and a dropped connection is just a bundle that did not arrive.
 */
import { HUB_HEADERS, signClaim } from './hubAuth';

export const HUB_CHALLENGE_PATH = '/sync/v1/challenge';
export const HUB_EXCHANGE_PATH = '/sync/v1/exchange';
export const BUNDLE_TYPE = 'application/octet-stream';

export class HubError extends Error {
  constructor(
    readonly messageZh: string,
    detail: string,
  ) {
    super(detail);
  }
}

export interface HubCredentials {
  station: string;
  signPrivate: string;
  enrolmentToken: string | null;
}

async function reach(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    throw new HubError('无法连接县局同步服务器，请检查网络和服务器地址', `cannot reach ${url.href}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function refusal(res: Response): Promise<HubError> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; detail?: string } } | null;
  return new HubError(body?.error?.message ?? `同步服务器拒绝了请求（${res.status}）`, body?.error?.detail ?? `hub answered ${res.status}`);
}

/** Pushes one bundle and returns the county's reply bundle. */
export async function postBundle(hubUrl: string, bundle: Uint8Array, who: HubCredentials, timeoutMs = 120_000): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(timeoutMs);
  const challengeUrl = new URL(HUB_CHALLENGE_PATH, hubUrl);
  const challenge = await reach(challengeUrl, { method: 'POST', signal });
  if (!challenge.ok) throw await refusal(challenge);
  const { nonce } = (await challenge.json().catch(() => ({}))) as { nonce?: unknown };
  if (typeof nonce !== 'string') throw new HubError('同步服务器的回复无法识别，请确认地址是县局的同步服务器', `no nonce from ${challengeUrl.href}`);
  const claim = { station: who.station, nonce, size: bundle.length };
  const proof = signClaim(who.signPrivate, who.enrolmentToken, claim);
  const headers: Record<string, string> = {
    'Content-Type': BUNDLE_TYPE,
    [HUB_HEADERS.station]: who.station,
    [HUB_HEADERS.nonce]: nonce,
    [HUB_HEADERS.signature]: proof.signature,
    ...(proof.tokenProof ? { [HUB_HEADERS.tokenProof]: proof.tokenProof } : {}),
  };
  const res = await reach(new URL(HUB_EXCHANGE_PATH, hubUrl), { method: 'POST', headers, body: bundle, signal });
  if (!res.ok) throw await refusal(res);
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new HubError('连接在传输中断开，请重新同步', `reply interrupted: ${e instanceof Error ? e.message : String(e)}`);
  }
}
