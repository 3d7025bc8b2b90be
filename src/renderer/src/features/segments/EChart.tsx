import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the Segments page draws, so the bundle stays small.
echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Tooltips are HTML: anything typed by a person (a client's name) goes through this first. */
export const escapeHtml = (text: string): string => echarts.format.encodeHTML(text);

/** The body font, so Chinese labels on the canvas match the rest of the page. */
export const CHART_FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

interface Props {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the table view has the numbers). */
  label: string;
  /** Called with the clicked item's data (e.g. a scatter point). */
  onItemClick?(data: unknown): void;
}

/** One ECharts instance on a div: created on mount, resized with its box, disposed on unmount. */
export function EChart({ option, height, label, onItemClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={box} role="img" aria-label={label} className="rm-chart" style={{ width: '100%', height }} />;
}
