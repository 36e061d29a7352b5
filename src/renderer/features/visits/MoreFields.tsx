import { Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { HOME_HAZARDS, SUPPORTER_VISITS, VISIT_NEEDS, VISIT_QUESTIONS, type HomeHazard, type SubjectKind } from '../../../shared/domain/visits';
import { DateField } from '../../ui/DateField';
import { GUTTER, HALF_COL } from '../../ui/formLayout';
import { optionsOf } from '../../ui/options';

const area = (max: number) => ({ maxLength: max, autoSize: { minRows: 1, maxRows: 4 } });

const ILLNESS_EXAMPLES: Readonly<Record<SubjectKind, string>> = { elder: '如：高血压，按时服药', child: '如：感冒发热，已就医', woman: '如：腰椎劳损，定期理疗' };

/** "更多情况": everything a routine visit leaves empty, in the questions of this kind of person. Limits mirror the contract's. */
export function MoreFields({ kind }: { kind: SubjectKind }) {
  const asked = VISIT_QUESTIONS[kind];
  const needs = VISIT_NEEDS.filter((n) => (asked.needs as readonly string[]).includes(n.value));
  const hazards = Form.useWatch<HomeHazard[] | undefined>('hazards');
  const otherHazard = (hazards ?? []).includes('other');
  return (
    <Row gutter={GUTTER}>
      <Col span={24}>
        <Form.Item label="患病情况" name="illness">
          <Input.TextArea {...area(200)} placeholder={ILLNESS_EXAMPLES[kind]} />
        </Form.Item>
      </Col>
      <Col {...HALF_COL}>
        <Form.Item label="生活困难" name="livingDifficulties">
          <Input.TextArea {...area(300)} />
        </Form.Item>
      </Col>
      <Col {...HALF_COL}>
        <Form.Item label="经济困难" name="moneyDifficulties">
          <Input.TextArea {...area(300)} />
        </Form.Item>
      </Col>
      <Col {...HALF_COL}>
        <Form.Item label="享受政策" name="benefitsReceived">
          <Input maxLength={200} placeholder="如：低保、高龄津贴" />
        </Form.Item>
      </Col>
      {asked.supportersVisit && (
        <Col {...HALF_COL}>
          <Form.Item label="子女（赡养人）探望情况" name="supportersVisit">
            <Radio.Group options={optionsOf(SUPPORTER_VISITS)} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item label="居家安全隐患" name="hazards">
          <Checkbox.Group options={optionsOf(HOME_HAZARDS)} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="隐患说明" name="hazardNote" required={otherHazard}>
          <Input maxLength={200} placeholder={otherHazard ? '请写明“其他”隐患的情况' : '隐患的位置和情况'} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="服务需求" name="needs">
          <Checkbox.Group options={optionsOf(needs)} />
        </Form.Item>
      </Col>
      <Col {...HALF_COL}>
        <Form.Item label="采取措施" name="actions">
          <Input.TextArea {...area(500)} />
        </Form.Item>
      </Col>
      <Col {...HALF_COL}>
        <Form.Item label="转介情况" name="referrals">
          <Input.TextArea {...area(300)} />
        </Form.Item>
      </Col>
      <Col {...HALF_COL}>
        <Form.Item label="下次探访日期" name="nextVisitOn">
          <DateField />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="备注" name="notes">
          <Input.TextArea {...area(500)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
