/** The small marks of a paper form: tick boxes, blanks to write on, dates. */
import type { Option } from '../../../shared/domain/labels';
import { chineseDate } from './format';

export function Box({ checked }: { checked: boolean }) {
  return <span className="pf-box">{checked ? '☑' : '☐'}</span>;
}

/** Every option with a box, the chosen ones ticked; an option never splits from its box. */
export function Choices<C extends string>({ options, chosen }: { options: readonly Option<C>[]; chosen: readonly string[] | string | null | undefined }) {
  const picked = chosen == null ? [] : typeof chosen === 'string' ? [chosen] : chosen;
  return (
    <span className="pf-choices">
      {options.map((o) => (
        <span key={o.value} className="pf-choice">
          <Box checked={picked.includes(o.value)} />
          {o.label}
        </span>
      ))}
    </span>
  );
}

/** A line to write on, or the value written on it. */
export function Blank({ width, children }: { width: string; children?: string }) {
  return (
    <span className="pf-blank" style={{ minWidth: width }}>
      {children}
    </span>
  );
}

/** A filled date, or blanks before 年, 月 and 日 to write one by hand. */
export function DateLine({ iso }: { iso?: string | null }) {
  const filled = chineseDate(iso);
  if (filled) return <span className="pf-date">{filled}</span>;
  return (
    <span className="pf-date">
      <Blank width="14mm" />年<Blank width="9mm" />月<Blank width="9mm" />日
    </span>
  );
}

/** A signature line under a form: the label, then room for the hand. */
export function Signature({ label, width = '36mm' }: { label: string; width?: string }) {
  return (
    <span className="pf-sign">
      {label}：<Blank width={width} />
    </span>
  );
}
