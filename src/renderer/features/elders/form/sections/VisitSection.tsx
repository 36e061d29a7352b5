import { Button, Card, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useEffect } from 'react';
import type { ElderGroupInput } from '../../../../../shared/contract';
import { todayIso } from '../../../../../shared/domain/dates';
import { RISK_TIERS, suggestedRiskTier, type RiskTier } from '../../../../../shared/domain/elders';
import { labelOf } from '../../../../../shared/domain/labels';
import { COL, GUTTER } from '../../../../ui/formLayout';
import { optionsOf } from '../../../../ui/options';
import { heldGroups } from '../formValues';

interface VisitSectionProps {
  /** A new record whose tier nobody chose yet: the tier follows the suggestion until someone does. */
  followSuggestion: boolean;
}

function SuggestionHint({ suggested, current, onAdopt }: { suggested: RiskTier; current: RiskTier | undefined; onAdopt: () => void }) {
  return (
    <span data-testid="elder-risk-suggestion">
      <Typography.Text type="secondary">建议：{labelOf(RISK_TIERS, suggested)}（根据对象类别、能力等级和居住情况）</Typography.Text>
      {current !== undefined && current !== suggested && (
        <Button type="link" size="small" onClick={onAdopt}>
          按建议设置
        </Button>
      )}
    </span>
  );
}

/** 探访安排: how often the elder is visited, and by whom. */
export function VisitSection({ followSuggestion }: VisitSectionProps) {
  const form = Form.useFormInstance();
  const groups = Form.useWatch<Partial<ElderGroupInput>[] | undefined>('groups', form);
  const capability = Form.useWatch<string | undefined>('capability', form);
  const livingSituation = Form.useWatch<string | undefined>('livingSituation', form);
  const riskTier = Form.useWatch<RiskTier | undefined>('riskTier', form);
  const suggested = suggestedRiskTier({ groups: heldGroups(groups, todayIso()), capability: capability ?? null, livingSituation: livingSituation ?? null });

  // setFields without `touched` (setFieldValue would mark the field as the user's own choice).
  useEffect(() => {
    if (followSuggestion && !form.isFieldTouched('riskTier')) form.setFields([{ name: 'riskTier', value: suggested }]);
  }, [followSuggestion, suggested, form]);

  return (
    <Card title="探访安排" size="small">
      <Form.Item
        label="探访等级"
        name="riskTier"
        required
        extra={<SuggestionHint suggested={suggested} current={riskTier} onAdopt={() => form.setFields([{ name: 'riskTier', value: suggested, touched: true, errors: [] }])} />}
      >
        <Radio.Group options={optionsOf(RISK_TIERS)} />
      </Form.Item>
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="探访责任人" name="visitor">
            <Input placeholder="负责探访的助老员或村（居）干部" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="责任人电话" name="visitorPhone">
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
