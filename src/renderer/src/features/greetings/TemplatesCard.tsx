import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GreetingTemplateInput } from '../../../../shared/greetings';
import { errorText, invoke, RmError } from '../../api';
import { ToneTag } from '../../components/ToneTag';
import type { MergeField } from './format';
import { TemplateLength } from './TemplateLength';
import { TemplateModal } from './TemplateModal';
import { TemplateText } from './TemplateText';

const NEW: GreetingTemplateInput = { id: '', occasion: 'any', channel: 'sms', marketing: false, text: '' };

/** 祝福模板: the whole set, edited one at a time and saved whole; the core refuses unknown fields. */
export function TemplatesCard({ sample }: { sample: Record<MergeField, string> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<GreetingTemplateInput[] | null>(null);
  const [editing, setEditing] = useState<GreetingTemplateInput | null>(null);

  useEffect(() => {
    invoke('greetings.templates', {}).then(setTemplates, (e) => void message.error(errorText(e)));
  }, [message]);

  async function saveSet(next: GreetingTemplateInput[] | null, done: string): Promise<string | null> {
    try {
      setTemplates(await invoke('greetings.templates', { templates: next }));
      void message.success(done);
      return null;
    } catch (e) {
      if (e instanceof RmError && e.value.code === 'TEMPLATE_INVALID') return e.text;
      void message.error(errorText(e));
      return null;
    }
  }

  async function saveOne(tpl: GreetingTemplateInput): Promise<string | null> {
    const list = templates ?? [];
    const at = list.findIndex((x) => x.id === tpl.id);
    const next = at >= 0 ? list.map((x, i) => (i === at ? tpl : x)) : [...list, tpl];
    const error = await saveSet(next, t('greetingTemplates.saved'));
    if (!error) setEditing(null);
    return error;
  }

  async function remove(id: string) {
    const error = await saveSet((templates ?? []).filter((x) => x.id !== id), t('greetingTemplates.saved'));
    if (error) void message.error(error);
  }

  const occasionOf = (o: GreetingTemplateInput['occasion']) => (o === 'any' ? t('greetingTemplates.anyOccasion') : t(`occasionNames.${o}`));

  return (
    <Card
      title={t('greetingTemplates.title')}
      extra={
        <Popconfirm title={t('greetingTemplates.resetConfirm')} onConfirm={() => void saveSet(null, t('greetingTemplates.resetDone'))} okText={t('greetingTemplates.reset')} cancelText={t('greetingTemplates.cancel')}>
          <Button size="small" icon={<UndoOutlined aria-hidden />}>{t('greetingTemplates.reset')}</Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('greetingTemplates.intro')}</Typography.Paragraph>
      <Table<GreetingTemplateInput>
        size="small"
        rowKey="id"
        loading={templates === null}
        dataSource={templates ?? []}
        pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            key: 'occasion',
            title: t('greetingTemplates.occasion'),
            width: 112,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <span>{occasionOf(r.occasion)}</span>
                <span>
                  {r.milestone && <ToneTag tone="warning">{t('greetingTemplates.milestone')}</ToneTag>}
                  {r.marketing && <ToneTag tone="error" title={t('greetingTemplates.marketingHelp')}>{t('greetingTemplates.marketing')}</ToneTag>}
                </span>
              </Space>
            ),
          },
          { key: 'channel', title: t('greetingTemplates.channel'), width: 64, render: (_, r) => t(`greetingsPage.channels.${r.channel}`) },
          {
            key: 'text',
            title: t('greetingTemplates.text'),
            render: (_, r) => (
              <>
                <TemplateText text={r.text} />
                {r.channel === 'sms' && <TemplateLength text={r.text} sample={{ ...sample, occasion: r.occasion === 'any' ? t('occasionNames.lantern') : t(`occasionNames.${r.occasion}`) }} />}
              </>
            ),
          },
          {
            key: 'actions',
            title: t('greetingTemplates.actions'),
            width: 76,
            render: (_, r) => (
              <Space size={0}>
                <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('greetingTemplates.editAria', { id: r.id })} title={t('greetingTemplates.edit')} onClick={() => setEditing(r)} />
                <Popconfirm title={t('greetingTemplates.removeConfirm')} onConfirm={() => void remove(r.id)} okText={t('greetingTemplates.remove')} cancelText={t('greetingTemplates.cancel')}>
                  <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('greetingTemplates.removeAria', { id: r.id })} title={t('greetingTemplates.remove')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(NEW)} style={{ marginTop: 12 }}>{t('greetingTemplates.add')}</Button>
      <TemplateModal template={editing} onSave={saveOne} onClose={() => setEditing(null)} sample={sample} />
    </Card>
  );
}
