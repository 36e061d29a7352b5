import { Tag } from 'antd';

/** A date, or a plain tag saying what is missing (未发放, 未签订): a gap must read as a gap. */
export const dateOr = (missing: string) => (d: string | undefined) => d ?? <Tag>{missing}</Tag>;
