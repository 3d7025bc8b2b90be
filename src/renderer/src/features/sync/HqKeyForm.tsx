import { FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/sync';
import { RmError, errorText, invoke } from '../../api';
import { groupFingerprint } from './format';

interface Props {
  /** The key installed now: installing another one replaces it, after a confirmation. */
  installed: SyncStatus['hq'];
  onInstalled(status: SyncStatus): void;
}

/** Paste head office's public key, or read it from an .asc file; the core checks it and says why it refuses one. */
export function HqKeyForm({ installed, onInstalled }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ armored: string }>();
  const [saving, setSaving] = useState(false);

  async function readFile(file: File) {
    try {
      form.setFieldsValue({ armored: (await file.text()).trim() });
      await form.validateFields(['armored']).catch(() => undefined);
      void message.info(t('hqKey.fileRead', { name: file.name }));
    } catch {
      form.setFields([{ name: 'armored', errors: [t('hqKey.fileUnreadable', { name: file.name })] }]);
    }
  }

  async function install(armored: string, replace: boolean) {
    setSaving(true);
    try {
      const status = await invoke('sync.installHqKey', { armored, replace });
      form.resetFields();
      void message.success(t('hqKey.installed', { fingerprint: groupFingerprint(status.hq?.fingerprint ?? '') }));
      onInstalled(status);
    } catch (e) {
      // A refused key says why under the field it was pasted into.
      if (e instanceof RmError) form.setFields([{ name: 'armored', errors: [e.text] }]);
      else void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  function submit({ armored }: { armored: string }) {
    if (!installed) return void install(armored, false);
    modal.confirm({
      title: t('hqKey.replaceTitle'),
      content: t('hqKey.replaceBody', { fingerprint: groupFingerprint(installed.fingerprint) }),
      okText: t('hqKey.replaceOk'),
      okButtonProps: { danger: true },
      cancelText: t('hqKey.cancel'),
      onOk: () => install(armored, true),
    });
  }

  return (
    <Form form={form} layout="vertical" name="rm-hq-key" onFinish={submit} requiredMark={false}>
      <Form.Item name="armored" label={t('hqKey.armored')} extra={t('hqKey.armoredHelp')} rules={[{ required: true, whitespace: true, message: t('hqKey.required') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} placeholder={t('hqKey.armoredPlaceholder')} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving} icon={<SafetyCertificateOutlined aria-hidden />}>
          {t('hqKey.install')}
        </Button>
        <Upload
          accept=".asc,.pub,.key,.txt"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void readFile(file);
            return false;
          }}
        >
          <Button icon={<FileTextOutlined aria-hidden />}>{t('hqKey.pickFile')}</Button>
        </Upload>
      </Space>
    </Form>
  );
}
