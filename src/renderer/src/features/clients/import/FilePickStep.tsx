import { InboxOutlined } from '@ant-design/icons';
import { Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileToBase64, MAX_IMPORT_BYTES } from './file-base64';

export interface PickedFile {
  name: string;
  base64: string;
}

interface Props {
  busy: boolean;
  onPicked(file: PickedFile): void;
  onError(message: string): void;
}

/** The file is read here, in the renderer; the core gets its bytes, never a path. */
export function FilePickStep({ busy, onPicked, onError }: Props) {
  const { t } = useTranslation();

  async function read(file: File) {
    if (file.size > MAX_IMPORT_BYTES) {
      onError(t('importWizard.fileError', { name: file.name, reason: t('importFileCodes.FILE_TOO_LARGE') }));
      return;
    }
    onPicked({ name: file.name, base64: await fileToBase64(file) });
  }

  return (
    <Spin spinning={busy} description={t('importWizard.reading')}>
      <Upload.Dragger
        accept=".csv,.txt,.tsv,.xlsx,.xls"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('importWizard.drop')}</p>
        <Typography.Paragraph type="secondary" style={{ margin: '0 16px' }}>
          {t('importWizard.dropHint')}
        </Typography.Paragraph>
      </Upload.Dragger>
    </Spin>
  );
}
