import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

// Ant Design's preset tag colours put mid-tone text on a pale ground, below WCAG AA for
// small text (axe flags them). These tones keep the pale ground and darken the text.
export type Tone = 'success' | 'warning' | 'error' | 'info' | 'accent' | 'neutral';

const TONES: Record<Tone, CSSProperties> = {
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  accent: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  neutral: { color: 'rgba(0, 0, 0, 0.80)', background: '#fafafa', borderColor: '#d9d9d9' },
};

export function ToneTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <Tag style={{ ...TONES[tone], marginInlineEnd: 4 }} title={title}>
      {children}
    </Tag>
  );
}
