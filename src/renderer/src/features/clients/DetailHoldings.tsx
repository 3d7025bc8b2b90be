import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { formatYuan } from '../../components/money';

const MONEY_FIELDS = ['aumFen', 'depositsFen', 'loanBalanceFen', 'cardSpend12mFen', 'revenue12mFen'] as const;

export function HoldingsCard({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const products = detail.products ?? [];
  return (
    <Card size="small" title={t('clientDetail.holdings')}>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          ...MONEY_FIELDS.map((f) => ({
            key: f,
            label: t(`clientFields.${f}`),
            children: (
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} type={(detail[f] ?? 0) < 0 ? 'danger' : undefined}>
                {formatYuan(detail[f] ?? 0)}
              </Typography.Text>
            ),
          })),
          {
            key: 'products',
            label: t('clientFields.products'),
            span: 2,
            children: products.length ? (
              <Space size={[4, 4]} wrap>
                {products.map((p) => (
                  <Tag key={p}>{p}</Tag>
                ))}
              </Space>
            ) : (
              t('clientDetail.none')
            ),
          },
        ]}
      />
    </Card>
  );
}
