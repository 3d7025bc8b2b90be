import { DownloadOutlined, PlusOutlined, SearchOutlined, SortAscendingOutlined, SortDescendingOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES } from '../../../../shared/clients';
import { BANDS, CLIENT_STATES, QUADRANTS, TIERS } from '../../../../shared/segments';
import { useClients, type ClientFilter, type ClientSort, type ClientStatus, type SegmentFilter } from './clients-store';
import { downloadTemplate } from './import-template';

const SEARCH_DEBOUNCE_MS = 250;
const SORTS: ClientSort[] = ['revenue', 'aum', 'name', 'updated'];

interface Props {
  onCreate(): void;
  onImport(): void;
}

export function ClientsToolbar({ onCreate, onImport }: Props) {
  const { t } = useTranslation();
  const filter = useClients((s) => s.filter);
  const tags = useClients((s) => s.tags);
  const setFilter = useClients((s) => s.setFilter);
  const [query, setQuery] = useState(filter.query);

  // Search as you type, once typing pauses; each search the core runs is audited.
  useEffect(() => {
    if (query === useClients.getState().filter.query) return;
    const timer = setTimeout(() => setFilter({ query }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, setFilter]);
  // Clearing the filters elsewhere clears the box too.
  useEffect(() => setQuery(filter.query), [filter.query]);

  const descending = filter.order === 'desc';
  // Two rows: search, sort and the actions; then every filter, the segment ones included.
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            allowClear
            aria-label={t('clients.searchLabel')}
            placeholder={t('clients.searchPlaceholder')}
            prefix={<SearchOutlined aria-hidden />}
            style={{ width: 380 }}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Space.Compact>
            <Select<ClientSort>
              aria-label={t('clients.sortLabel')}
              style={{ width: 140 }}
              value={filter.sort}
              onChange={(sort) => setFilter({ sort })}
              options={SORTS.map((s) => ({ value: s, label: t(`clients.sort.${s}`) }))}
            />
            <Tooltip title={descending ? t('clients.orderDesc') : t('clients.orderAsc')}>
              <Button
                aria-label={descending ? t('clients.orderDesc') : t('clients.orderAsc')}
                icon={descending ? <SortDescendingOutlined /> : <SortAscendingOutlined />}
                onClick={() => setFilter({ order: descending ? 'asc' : 'desc' })}
              />
            </Tooltip>
          </Space.Compact>
        </Space>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>{t('clients.create')}</Button>
          <Button icon={<UploadOutlined />} onClick={onImport}>{t('clients.import')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(t('clients.templateFile'))}>{t('clients.template')}</Button>
        </Space>
      </Space>
      <Space wrap size={8}>
        <Select<ClientStatus | ''>
          aria-label={t('clients.statusFilter')}
          style={{ width: 136 }}
          value={filter.status ?? ''}
          onChange={(v) => setFilter({ status: v || undefined })}
          options={[{ value: '', label: t('clients.allStatuses') }, ...CLIENT_STATUSES.map((s) => ({ value: s, label: t(`clientStatus.${s}`) }))]}
        />
        <Select<'person' | 'company' | ''>
          aria-label={t('clients.kindFilter')}
          style={{ width: 108 }}
          value={filter.kind ?? ''}
          onChange={(v) => setFilter({ kind: v || undefined })}
          options={[{ value: '', label: t('clients.allKinds') }, { value: 'person', label: t('clientKind.person') }, { value: 'company', label: t('clientKind.company') }]}
        />
        <Select<string>
          aria-label={t('clients.tagFilter')}
          style={{ width: 128 }}
          showSearch
          value={filter.tag ?? ''}
          onChange={(v) => setFilter({ tag: v || undefined })}
          options={[{ value: '', label: t('clients.allTags') }, ...tags.map((tag) => ({ value: tag, label: tag }))]}
        />
        <SegmentSelect name="tier" width={108} all={t('clients.allTiers')} options={TIERS.map((v) => ({ value: v, label: t(`tiers.${v}`) }))} filter={filter} setFilter={setFilter} />
        <SegmentSelect name="quadrant" width={108} all={t('clients.allQuadrants')} options={QUADRANTS.map((v) => ({ value: v, label: t(`quadrants.${v}.name`) }))} filter={filter} setFilter={setFilter} />
        <SegmentSelect name="band" width={136} all={t('clients.allBands')} options={BANDS.map((v) => ({ value: v, label: t(`bands.${v}.short`) }))} filter={filter} setFilter={setFilter} />
        <SegmentSelect name="state" width={136} all={t('clients.allStates')} options={CLIENT_STATES.map((v) => ({ value: v, label: t(`clientStates.${v}`) }))} filter={filter} setFilter={setFilter} />
      </Space>
    </Space>
  );
}

interface SegmentSelectProps<K extends keyof SegmentFilter> {
  name: K;
  width: number;
  all: string;
  options: { value: NonNullable<SegmentFilter[K]>; label: string }[];
  filter: ClientFilter;
  setFilter(f: Partial<ClientFilter>): void;
}

/** One segment filter (tier, quadrant, band, state); empty means all. */
function SegmentSelect<K extends keyof SegmentFilter>({ name, width, all, options, filter, setFilter }: SegmentSelectProps<K>) {
  const { t } = useTranslation();
  return (
    <Select<string>
      aria-label={t(`clients.columns.${name}`)}
      style={{ width }}
      value={filter[name] ?? ''}
      onChange={(v) => setFilter({ [name]: v || undefined })}
      options={[{ value: '', label: all }, ...options]}
    />
  );
}
