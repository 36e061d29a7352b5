import { Row } from 'antd';
import { useLedgerFetch } from '../../api';
import { GUTTER } from '../../ui/formLayout';
import { IdNumberField, type IdNumberFieldProps } from '../../ui/IdNumberField';

const REGISTERS = {
  child: { path: '/children', lookup: 'children.findByIdNumber' },
  elder: { path: '/elders', lookup: 'elders.findByIdNumber' },
  woman: { path: '/women', lookup: 'women.findByIdNumber' },
} as const;

type IdNumberRowProps = Omit<IdNumberFieldProps, 'lookup' | 'recordPath' | 'testIdPrefix'> & {
  /** The register checked for a duplicate; also the start of the test ids. */
  kind: keyof typeof REGISTERS;
};

/** The person's ID number with the birth date and sex it gives, checked against the person's register. */
export function IdNumberRow({ kind, ...field }: IdNumberRowProps) {
  const { path, lookup } = REGISTERS[kind];
  const read = useLedgerFetch();
  return (
    <Row gutter={GUTTER}>
      <IdNumberField {...field} lookup={(idNumber) => read(lookup, { idNumber })} recordPath={(id) => `${path}/${id}`} testIdPrefix={kind} />
    </Row>
  );
}
