import type { ReactNode } from 'react';
import './tone-tag.css';

// Ant Design's preset tag colours put mid-tone text on a pale ground, below WCAG AA for
// small text (axe flags them). These tones keep the pale ground and darken the text.
export type Tone = 'success' | 'warning' | 'error' | 'info' | 'accent' | 'neutral';

/**
 * A tag drawn like Ant Design's Tag, as one styled span: a table scrolling through the book
 * mounts thousands of them, and Tag's hooks (theme, style registry, config) cost more than the cell.
 */
export function ToneTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`rm-tone-tag rm-tone-${tone}`} title={title}>
      {children}
    </span>
  );
}
