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

/** Which item of which series: the option's data stay plain numbers, the caller keeps what they stand for. */
export interface ChartItem {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the table view has the numbers). */
  label: string;
  /** Called with the clicked item's series and index (e.g. a scatter point). */
  onItemClick?(item: ChartItem): void;
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
    instance.on('click', (params) => clickRef.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }));
    // The observer's first call reports the size init() took: redrawing then would draw every dot twice.
    let drawn = { width: el.clientWidth, height: el.clientHeight };
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === drawn.width && el.clientHeight === drawn.height) return;
      drawn = { width: el.clientWidth, height: el.clientHeight };
      instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const drawnOnce = useRef(false);
  useEffect(() => {
    // Drawn in tasks of their own, once the page around it is committed: a chart's drawing then
    // never adds to the long task that puts the Segments page's cards on screen. The first
    // drawing takes two, the frame (grid, axes) and then the series: it runs much of ECharts'
    // code for the first time, and in one task it was the page opening's longest.
    const { series, ...rest } = option;
    const frame = { textStyle: { fontFamily: CHART_FONT }, animation: false, ...rest };
    let seriesTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      const instance = chart.current;
      if (!instance) return;
      if (drawnOnce.current) {
        instance.setOption({ ...frame, series }, true);
        return;
      }
      drawnOnce.current = true;
      instance.setOption({ ...frame, series: [] }, true);
      seriesTimer = setTimeout(() => instance.setOption({ series }));
    });
    return () => {
      clearTimeout(timer);
      clearTimeout(seriesTimer);
    };
  }, [option]);

  return <div ref={box} role="img" aria-label={label} className="rm-chart" style={{ width: '100%', height }} />;
}
