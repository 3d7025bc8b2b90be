import { Typography } from 'antd';
import { groupFingerprint } from './format';

/** A key fingerprint as the RM reads it aloud to head office: groups of four, monospace, copyable. */
export function Fingerprint({ value, label }: { value: string; label: string }) {
  return (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: false }}
      aria-label={`${label} ${groupFingerprint(value)}`}
      style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'keep-all' }}
      data-testid="fingerprint"
    >
      {groupFingerprint(value)}
    </Typography.Text>
  );
}
