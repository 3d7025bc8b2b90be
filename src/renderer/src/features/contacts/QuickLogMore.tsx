import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Rate, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { cloneElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MANUAL_FOLLOWUP_TYPES } from '../../../../shared/followups';

/** The optional fields behind 更多: duration, satisfaction and the next step planned in the same action. */
export function QuickLogMore({ next, onEnter }: { next: boolean; onEnter(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="durationMinutes" label={t('quickLog.duration')}>
            <InputNumber min={0} max={1440} precision={0} style={{ width: '100%' }} onPressEnter={onEnter} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="satisfaction" label={t('quickLog.satisfaction')}>
            <Rate
              aria-label={t('quickLog.satisfaction')}
              // Each star is a radio: give it a name a screen reader can say ("4 星").
              characterRender={(node, { index }) => {
                const li = node as ReactElement<{ children: ReactElement }>;
                return cloneElement(li, {}, cloneElement(li.props.children as ReactElement<Record<string, unknown>>, { 'aria-label': t('quickLog.star', { count: (index ?? 0) + 1 }) }));
              }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="next" valuePropName="checked" style={{ marginBottom: next ? 8 : 16 }}>
        <Checkbox>{t('quickLog.nextStep')}</Checkbox>
      </Form.Item>
      {next && (
        <Row gutter={12}>
          <Col span={7}>
            <Form.Item name="nextType" label={t('quickLog.nextType')}>
              <Select options={MANUAL_FOLLOWUP_TYPES.map((v) => ({ value: v, label: t(`followupTypes.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="nextDue" label={t('quickLog.nextDue')} rules={[{ required: true, message: t('quickLog.nextIncomplete') }]}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="nextTitle" label={t('quickLog.nextTitle')} rules={[{ required: true, whitespace: true, message: t('quickLog.nextIncomplete') }]}>
              <Input maxLength={200} placeholder={t('quickLog.nextTitlePlaceholder')} onPressEnter={onEnter} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
