import { CloseOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEGMENT_FILTER_KEYS, useClients, type ClientFilter } from './clients-store';

/** The segment filters in force (e.g. handed over by the Segments page), each removable with one click. */
export function SegmentFilterTags() {
  const { t } = useTranslation();
  const filter = useClients((s) => s.filter);
  const setFilter = useClients((s) => s.setFilter);
  const active = SEGMENT_FILTER_KEYS.filter((k) => filter[k]);
  if (!active.length) return null;
  return (
    <Space size={[4, 4]} wrap style={{ marginTop: 8 }} aria-label={t('clients.segmentFilters')} role="group">
      <Typography.Text type="secondary">{t('clients.segmentFilters')}</Typography.Text>
      {active.map((key) => {
        const text = `${t(`clients.columns.${key}`)}：${valueLabel(t, key, filter)}`;
        return (
          <Tag key={key} color="blue" style={{ color: '#003eb3', paddingInlineEnd: 0 }}>
            {text}
            <Button
              type="text"
              size="small"
              aria-label={t('clients.removeFilter', { filter: text })}
              icon={<CloseOutlined aria-hidden />}
              style={{ height: 20, width: 20, marginInlineStart: 2 }}
              onClick={() => setFilter({ [key]: undefined })}
            />
          </Tag>
        );
      })}
    </Space>
  );
}

function valueLabel(t: (k: string) => string, key: (typeof SEGMENT_FILTER_KEYS)[number], f: ClientFilter): string {
  if (key === 'tier') return t(`tiers.${f.tier}`);
  if (key === 'quadrant') return t(`quadrants.${f.quadrant}.name`);
  if (key === 'band') return t(`bands.${f.band}.short`);
  return t(`clientStates.${f.state}`);
}
