import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TIERS, type MovementMatrix, type SnapshotInfo } from '../../../../shared/segments';
import { ToneTag } from '../../components/ToneTag';
import { useSegments } from './segments-store';

const FROM = [...TIERS, 'new'] as const;
const TO = [...TIERS, 'gone'] as const;

/** Monthly (and on-demand) pictures of the book, and how clients moved between two of them. */
export function SnapshotsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const snapshots = useSegments((s) => s.snapshots);
  const snapshotting = useSegments((s) => s.snapshotting);
  const snapshotNow = useSegments((s) => s.snapshotNow);

  async function take() {
    const snap = await snapshotNow();
    if (snap) void message.success(t('segments.snapshots.taken', { period: snap.period, count: snap.clients }));
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('segments.snapshots.title')}
          style={{ height: '100%' }}
          extra={<Button icon={<CameraOutlined />} loading={snapshotting} onClick={() => void take()}>{t('segments.snapshots.take')}</Button>}
        >
          <Table<SnapshotInfo>
            size="small"
            rowKey="id"
            dataSource={snapshots}
            pagination={snapshots.length > 6 ? { pageSize: 6, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: <Typography.Text type="secondary">{t('segments.snapshots.none')}</Typography.Text> }}
            columns={[
              { title: t('segments.snapshots.period'), dataIndex: 'period' },
              { title: t('segments.snapshots.takenAt'), dataIndex: 'takenAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: t('segments.snapshots.trigger'), dataIndex: 'trigger', render: (v: SnapshotInfo['trigger']) => <ToneTag tone={v === 'monthly' ? 'info' : 'neutral'}>{t(`segments.snapshots.${v}`)}</ToneTag> },
              { title: t('segments.clientsCount'), dataIndex: 'clients', align: 'right' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('segments.snapshots.note')}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <MovementCard />
      </Col>
    </Row>
  );
}

function MovementCard() {
  const { t } = useTranslation();
  const snapshots = useSegments((s) => s.snapshots);
  const pair = useSegments((s) => s.pair);
  const movement = useSegments((s) => s.movement);
  const compare = useSegments((s) => s.compare);
  const options = snapshots.map((s) => ({ value: s.id, label: `${s.period} · ${dayjs(s.takenAt).format('MM-DD HH:mm')}` }));
  return (
    <Card size="small" title={t('segments.movement.title')} style={{ height: '100%' }}>
      {snapshots.length === 0 ? (
        <Typography.Text type="secondary">{t('segments.movement.needSnapshot')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Select aria-label={t('segments.movement.from')} prefix={t('segments.movement.from')} style={{ width: 230 }} value={pair?.from} options={options} onChange={(v) => void compare(v, pair?.to ?? v)} />
            <Select aria-label={t('segments.movement.to')} prefix={t('segments.movement.to')} style={{ width: 230 }} value={pair?.to} options={options} onChange={(v) => void compare(pair?.from ?? v, v)} />
          </Space>
          {pair && pair.from === pair.to && <Typography.Text type="secondary">{t('segments.movement.same')}</Typography.Text>}
          {movement && <MatrixTable movement={movement} />}
        </Space>
      )}
    </Card>
  );
}

type MatrixRow = { key: string; from: (typeof FROM)[number] } & Record<(typeof TO)[number] | 'total', number>;

function MatrixTable({ movement }: { movement: MovementMatrix }) {
  const { t } = useTranslation();
  const rows: MatrixRow[] = FROM.map((from) => {
    const row = { key: from, from, A: 0, B: 0, C: 0, gone: 0, total: 0 };
    for (const c of movement.cells) if (c.from === from) row[c.to] += c.count;
    row.total = row.A + row.B + row.C + row.gone;
    return row;
  });
  const label = (k: string) => (k === 'new' ? t('segments.movement.new') : k === 'gone' ? t('segments.movement.gone') : t(`tiers.${k}`));
  const cell = (from: string, to: string) => (n: number) => (
    <Typography.Text strong={from === to && n > 0} type={n === 0 ? 'secondary' : undefined}>{n.toLocaleString('en-US')}</Typography.Text>
  );
  return (
    <Table<MatrixRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      aria-label={t('segments.movement.title')}
      columns={[
        { title: t('segments.movement.corner'), dataIndex: 'from', render: (k: string) => <Typography.Text strong>{label(k)}</Typography.Text> },
        ...TO.map((to) => ({ title: label(to), dataIndex: to, key: to, align: 'right' as const, render: (n: number, r: MatrixRow) => cell(r.from, to)(n) })),
        { title: t('segments.movement.total'), dataIndex: 'total', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
      ]}
    />
  );
}
