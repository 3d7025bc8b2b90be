import { Checkbox, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Tooltip, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_PREFS, CLIENT_STATUSES, ID_TYPES, RISK_GRADES, type ClientDetail, type RevealableField } from '../../../../shared/clients';
import { isHqOwned } from '../../../../shared/sync';
import { parseYuan } from '../../components/money';
import { MONEY_FIELDS } from './form-values';

// A checkbox names itself; without a label above it, it lines up with the inputs beside it.
const CHECK_ALIGN = { paddingTop: 30 };
const OPT_OUTS = ['optOutMarketing', 'optOutThirdParty', 'optOutAutomated', 'optOutSensitive', 'doNotContact'] as const;

/** The sections of the client form; every label and reason comes from i18n. */
export function ClientFormFields({ form, editing }: { form: FormInstance; editing: ClientDetail | null }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const calendar = Form.useWatch('birthdayCalendar', form) as string | undefined;
  const status = Form.useWatch('status', form) as string | undefined;
  const longTerm = Form.useWatch('idLongTerm', form) as boolean | undefined;
  const label = (f: string) => t(`clientFields.${f}`);
  // On a client head office manages, its fields carry a 总行维护 mark (a change becomes a change request).
  const itemLabel = (f: string): ReactNode => (editing?.hqManaged && isHqOwned(f) ? <HqLabel text={label(f)} /> : label(f));
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const text = (name: string, max: number, span = 12, extra?: { rules?: Rule[]; area?: boolean }) => (
    <Col span={span} key={name}>
      <Form.Item name={name} label={itemLabel(name)} rules={[...(extra?.rules ?? []), { max, message: t('fieldCodes.TEXT_TOO_LONG') }]}>
        {extra?.area ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input />}
      </Form.Item>
    </Col>
  );
  // Masked fields start empty when editing: typing replaces the value, leaving it empty keeps it.
  const masked = (name: RevealableField, max: number, span = 12) => (
    <Col span={span} key={name}>
      <Form.Item name={name} label={itemLabel(name)} rules={[{ max, message: t('fieldCodes.TEXT_TOO_LONG') }]}>
        <Input placeholder={editing?.masked[name] ? t('clientForm.keepMasked', { masked: editing.masked[name] }) : undefined} autoComplete="off" />
      </Form.Item>
    </Col>
  );
  const date = (name: string, disabled = false) => (
    <Col span={12} key={name}>
      <Form.Item name={name} label={itemLabel(name)}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabled={disabled} />
      </Form.Item>
    </Col>
  );
  const select = (name: string, opts: { value: string | number; label: string }[], span = 12, allowClear = true) => (
    <Col span={span} key={name}>
      <Form.Item name={name} label={itemLabel(name)}>
        <Select allowClear={allowClear} options={opts} aria-label={label(name)} />
      </Form.Item>
    </Col>
  );
  const section = (title: string, children: ReactNode) => (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>{title}</Divider>
      <Row gutter={16}>{children}</Row>
    </>
  );
  const days = Array.from({ length: 30 }, (_v, i) => ({ value: i + 1, label: String(i + 1) }));

  return (
    <>
      {section(t('clientForm.sections.identity'), [
        <Col span={12} key="kind">
          <Form.Item name="kind" label={itemLabel('kind')}>
            <Radio.Group optionType="button" options={options(['person', 'company'], 'clientKind')} />
          </Form.Item>
        </Col>,
        text('clientNo', 40),
        text('name', 100, 12, { rules: [{ required: true, whitespace: true, message: t('errors.required', { field: label('name') }) }] }),
        kind === 'company' ? text('legalRepresentative', 100) : select('sex', options(['M', 'F'], 'sexes')),
        ...(kind === 'company' ? [] : [date('birthDate'), select('birthdayCalendar', options(['solar', 'lunar'], 'calendars'), 12, false)]),
        ...(kind !== 'company' && calendar === 'lunar'
          ? [select('lunarMonth', days.slice(0, 12), 8), select('lunarDay', days, 8), <Col span={8} key="leap"><Form.Item name="lunarLeap" valuePropName="checked" style={CHECK_ALIGN}><Checkbox>{label('lunarLeap')}</Checkbox></Form.Item></Col>]
          : []),
        ...(kind === 'company' ? [] : [text('nationality', 40), text('occupation', 60), text('employer', 100, 24)]),
      ])}
      {section(t('clientForm.sections.contact'), [masked('mobile', 20), masked('phoneOther', 30), masked('email', 120), text('wechat', 60), masked('addressRegistered', 200, 24), masked('addressResidence', 200, 24)])}
      {section(t('clientForm.sections.kyc'), [
        select('idType', options(ID_TYPES, 'idTypes')),
        masked('idNumber', 40),
        date('idExpiry', longTerm === true),
        <Col span={12} key="longTerm">
          <Form.Item name="idLongTerm" valuePropName="checked" style={CHECK_ALIGN}>
            <Checkbox>{itemLabel('idLongTerm')}</Checkbox>
          </Form.Item>
        </Col>,
        date('relationshipStart'),
        select('riskGrade', options(RISK_GRADES, 'riskGrades')),
        date('riskRatedAt'),
      ])}
      {section(t('clientForm.sections.holdings'), [
        ...MONEY_FIELDS.map((name) => (
          <Col span={12} key={name}>
            <Form.Item name={name} label={itemLabel(name)} rules={[moneyRule(name === 'revenue12mFen', t('clientForm.moneyFormat'))]}>
              <Input suffix="元" inputMode="decimal" style={{ textAlign: 'right' }} />
            </Form.Item>
          </Col>
        )),
        <Col span={24} key="products">
          <Form.Item name="products" label={itemLabel('products')} extra={t('clientForm.tagsHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} aria-label={label('products')} tokenSeparators={[';', '；']} />
          </Form.Item>
        </Col>,
      ])}
      {section(t('clientForm.sections.preferences'), [
        select('status', options(CLIENT_STATUSES, 'clientStatus'), 12, false),
        select('potential', [1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} / 5` }))),
        select('preferredChannel', options(CHANNEL_PREFS, 'channels')),
        text('bestTimeToCall', 60),
        <Col span={24} key="tags">
          <Form.Item name="tags" label={label('tags')} extra={t('clientForm.tagsHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} aria-label={label('tags')} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        </Col>,
        ...OPT_OUTS.map((name) => (
          <Col span={12} key={name}>
            <Form.Item name={name} valuePropName="checked" noStyle>
              <Checkbox style={{ marginBottom: 12 }}>{label(name)}</Checkbox>
            </Form.Item>
          </Col>
        )),
      ])}
      {section(t('clientForm.sections.notes'), [
        text('notes', 4000, 24, { area: true }),
        text('interests', 1000, 24, { area: true }),
        text('family', 1000, 24, { area: true }),
        ...(status === 'lost' ? [text('lostReason', 500, 24, { area: true }), text('lostToBank', 100, 24), text('winBackPlan', 1000, 24, { area: true })] : []),
      ])}
    </>
  );
}

function moneyRule(allowNegative: boolean, message: string): Rule {
  return { validator: (_r, v: unknown) => (v === undefined || v === null || String(v).trim() === '' || parseYuan(String(v), allowNegative) !== null ? Promise.resolve() : Promise.reject(new Error(message))) };
}

function HqLabel({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {text}
      <Tooltip title={t('hqFields.tagHint')}>
        <span className="rm-hq-tag" style={HQ_TAG}>{t('hqFields.tag')}</span>
      </Tooltip>
    </span>
  );
}

const HQ_TAG = { fontSize: 11, lineHeight: '16px', padding: '0 4px', borderRadius: 4, color: '#003eb3', background: '#e6f4ff', border: '1px solid #91caff', whiteSpace: 'nowrap' } as const;
