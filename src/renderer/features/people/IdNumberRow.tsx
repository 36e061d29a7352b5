import { Row } from 'antd';
import { ledger } from '../../api';
import { GUTTER } from '../../ui/formLayout';
import { IdNumberField, type IdNumberFieldProps } from '../../ui/IdNumberField';

const REGISTERS = {
  child: { path: '/children', lookup: (idNumber: string) => ledger().call('children.findByIdNumber', { idNumber }) },
  elder: { path: '/elders', lookup: (idNumber: string) => ledger().call('elders.findByIdNumber', { idNumber }) },
  woman: { path: '/women', lookup: (idNumber: string) => ledger().call('women.findByIdNumber', { idNumber }) },
} as const;

type IdNumberRowProps = Omit<IdNumberFieldProps, 'lookup' | 'recordPath' | 'testIdPrefix'> & {
  /** The register checked for a duplicate; also the start of the test ids. */
  kind: keyof typeof REGISTERS;
};

/** The person's ID number with the birth date and sex it gives, checked against the person's register. */
export function IdNumberRow({ kind, ...field }: IdNumberRowProps) {
  const { path, lookup } = REGISTERS[kind];
  return (
    <Row gutter={GUTTER}>
      <IdNumberField {...field} lookup={lookup} recordPath={(id) => `${path}/${id}`} testIdPrefix={kind} />
    </Row>
  );
}
