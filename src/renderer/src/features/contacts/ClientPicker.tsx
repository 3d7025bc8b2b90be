import { Select, Space, Spin, Typography, type RefSelectProps } from 'antd';
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientListRow } from '../../../../shared/clients';
import { TierTag } from '../../components/SegmentTags';
import { errorText, invoke } from '../../api';

/** Every search the core runs is audited: search once typing pauses, not on every key. */
const SEARCH_DEBOUNCE_MS = 200;
const LIMIT = 10;

interface Props {
  id?: string;
  value?: string;
  onChange?(value: string): void;
  /** After a client is picked (click or Enter on the highlighted option). */
  onPicked(row: ClientListRow): void;
  ref?: Ref<RefSelectProps>;
}

/**
 * Finds a client by name, pinyin or initials ("zs" → 张三) or the last digits of the mobile;
 * the first match is highlighted, so typing and Enter picks it.
 */
export function ClientPicker({ id, value, onChange, onPicked, ref }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<ClientListRow[]>([]);
  const [picked, setPicked] = useState<ClientListRow | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setRows([]);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      invoke('clients.list', { query: q, limit: LIMIT })
        .then((r) => {
          if (!live) return;
          setRows(r.rows);
          setError(null);
        })
        .catch((e: unknown) => {
          if (live) setError(errorText(e));
        })
        .finally(() => {
          if (live) setLoading(false);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  // The picked client stays among the options, so its name shows after the search clears.
  const list = picked && !rows.some((r) => r.id === picked.id) ? [picked, ...rows] : rows;
  let notFound: ReactNode = null;
  if (loading) notFound = <Spin size="small" />;
  else if (error) notFound = <Typography.Text type="danger">{error}</Typography.Text>;
  else if (query.trim()) notFound = t('quickLog.noMatch');

  return (
    <Select<string>
      ref={ref}
      id={id}
      value={value}
      placeholder={t('quickLog.clientPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      defaultActiveFirstOption
      notFoundContent={notFound}
      suffixIcon={null}
      options={list.map((r) => ({ value: r.id, label: r.name }))}
      optionRender={(option) => {
        const row = list.find((r) => r.id === option.value);
        if (!row) return option.label;
        return (
          <Space size={8}>
            <span>{row.name}</span>
            {row.mobileMasked && <Typography.Text type="secondary">{row.mobileMasked}</Typography.Text>}
            {row.clientNo && <Typography.Text type="secondary">{row.clientNo}</Typography.Text>}
            {row.tier && <TierTag tier={row.tier} />}
          </Space>
        );
      }}
      onChange={(v) => {
        const row = list.find((r) => r.id === v);
        if (!row) return;
        setPicked(row);
        onChange?.(v);
        onPicked(row);
      }}
      style={{ width: '100%' }}
    />
  );
}
