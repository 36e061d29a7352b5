/** Outcomes the shell itself produces when a call cannot reach the core. Messages are shown to users. */
import type { ErrorCode, Outcome } from '../../shared/contract/errors';

export const HOST_EXITED_MESSAGE = '后台服务意外退出，请重新启动软件';
export const HOST_STOPPED_MESSAGE = '软件正在退出，操作未执行';
export const UNTRUSTED_SENDER_MESSAGE = '拒绝了来自未知页面的请求';
export const MALFORMED_REQUEST_MESSAGE = '请求格式不正确';
export const TRANSPORT_FAILED_MESSAGE = '无法把请求交给后台服务，请重试';
export const NO_DATA_DIR_MESSAGE = '未指定数据文件夹，无法打开台账';
export const CORE_UNAVAILABLE_MESSAGE = '无法打开数据文件，请联系县局技术人员';
export const DATABASE_TOO_NEW_MESSAGE = '数据文件由更新版本的软件写入，请升级本软件后再打开';

export type Failure = Extract<Outcome<never>, { ok: false }>;

export function failure(code: ErrorCode, message: string, detail: string): Failure {
  return { ok: false, error: { code, message, detail } };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
