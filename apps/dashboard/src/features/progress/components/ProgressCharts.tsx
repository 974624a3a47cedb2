/**
 * Everything drawn with @mantine/charts (recharts underneath), in its own module: it is
 * loaded only when a chart is shown (see ProgressReport), keeping recharts out of the
 * dashboard's first download.
 */
import { type ReactNode } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { type CaseProgress, type CheckInPoint, type HomeworkWeek, type MeasureScore, type MeasureSummary } from '@trustwork/contracts';
import { CHECK_IN_RATING_KEYS, CHECK_IN_RATING_LABELS, type CheckInRatingKey } from '@trustwork/trust-program';
import { ReferenceLine } from 'recharts';
import { type ProgressRange } from '../api/progress-api';
import { LABEL_ROW_PX, placeMarkerLabels } from '../marker-labels';
import { dateTicks, dateToTime, formatNumber, formatShortDate, pointDate, timeToDate, type ProgressMarker } from '../progress-wording';
import { CHART_HEIGHTS } from './chart-heights';

/** Dark shades that keep 3:1 contrast on white; each also has its own dash pattern, so colour is never the only cue. */
const RATING_STYLES: Record<CheckInRatingKey, { color: string; dash?: string }> = {
  trust: { color: 'blue.8' },
  safety: { color: 'teal.8', dash: '8 4' },
  heard: { color: 'violet.7', dash: '2 3' },
  closeness: { color: 'pink.8', dash: '10 3 2 3' },
};

/** Event lines take their kind's colour as on the timeline; every line also carries its kind as a label. */
const MARKER_COLORS: Record<ProgressMarker['kind'], string> = {
  breach: 'red.8',
  setback: 'orange.9',
  milestone: 'green.9',
  noteworthy: 'gray.7',
  phase: 'dark.4',
};

/** The chart's width less the y axis (recharts' default 60 px) and its margins: where the time axis runs. */
const PLOT_INSET_PX = 70;

/** A theme colour such as "red.8" as the CSS variable Mantine defines for it. */
function cssColor(color: string): string {
  return `var(--mantine-color-${color.replace('.', '-')})`;
}

interface ChartFrameProps {
  /** What the chart is, e.g. "Line chart of Alex Morgan's check-ins". */
  label: string;
  /** The id of the text that says what the chart shows. */
  describedBy: string;
  children: ReactNode;
}

/**
 * One picture for assistive technology, named and described, instead of a maze of SVG parts.
 * The charts inside turn off recharts' keyboard layer (on by default since recharts 3): it would put
 * a focusable control inside the picture. "Show as tables" gives keyboards the same numbers.
 */
function ChartFrame({ label, describedBy, children }: ChartFrameProps) {
  return (
    <Box role="img" aria-label={label} aria-describedby={describedBy}>
      {children}
    </Box>
  );
}

/** The tooltip's heading for a point; recharts also asks while no point is hovered, with no time. */
function tooltipDate(granularity: CaseProgress['granularity']) {
  return (time: unknown) => (typeof time === 'number' ? pointDate(timeToDate(time), granularity) : '');
}

/** The time axis every line chart shares, so a mark in one chart sits at the same place in the next. */
function timeAxis(range: ProgressRange) {
  const { ticks, format } = dateTicks(range.from, range.to);
  return {
    type: 'number' as const,
    scale: 'time' as const,
    domain: [dateToTime(range.from), dateToTime(range.to)],
    allowDataOverflow: true,
    ticks,
    tickFormatter: format,
  };
}

/** The line swatches drawn in the lines' own colours and dashes, which Mantine's legend can't show. */
function RatingKey() {
  return (
    <Group gap="md" mb="xs" aria-hidden>
      {CHECK_IN_RATING_KEYS.map((key) => (
        <Group key={key} gap={6} wrap="nowrap">
          <svg width="28" height="8" viewBox="0 0 28 8">
            <line
              x1="0"
              y1="4"
              x2="28"
              y2="4"
              stroke={cssColor(RATING_STYLES[key].color)}
              strokeWidth="2.5"
              strokeDasharray={RATING_STYLES[key].dash}
            />
          </svg>
          <Text size="xs">{CHECK_IN_RATING_LABELS[key]}</Text>
        </Group>
      ))}
    </Group>
  );
}

interface CheckInChartProps extends Omit<ChartFrameProps, 'children'> {
  points: CheckInPoint[];
  granularity: CaseProgress['granularity'];
  range: ProgressRange;
  markers: ProgressMarker[];
}

export function CheckInChart({ points, granularity, range, markers, label, describedBy }: CheckInChartProps) {
  const { ref, width } = useElementSize();
  // Drawn here rather than through Mantine's referenceLines, which cannot move a label down a row.
  const placements = placeMarkerLabels(markers, range, width - PLOT_INSET_PX);
  const markerLines = markers.map((marker, index) => {
    const color = cssColor(MARKER_COLORS[marker.kind]);
    const { row, side } = placements[index];
    return (
      <ReferenceLine
        key={marker.key}
        x={dateToTime(marker.on)}
        stroke={color}
        strokeDasharray={marker.kind === 'phase' ? undefined : '4 3'}
        label={{ value: marker.label, fill: color, fontSize: 12, position: side === 'right' ? 'insideTopLeft' : 'insideTopRight', dy: row * LABEL_ROW_PX }}
      />
    );
  });
  return (
    <>
      <RatingKey />
      <ChartFrame label={label} describedBy={describedBy}>
        <LineChart
          ref={ref}
          accessibilityLayer={false}
          h={CHART_HEIGHTS.checkIns}
          data={points.map((point) => ({ ...point, time: dateToTime(point.on) }))}
          dataKey="time"
          series={CHECK_IN_RATING_KEYS.map((key) => ({
            name: key,
            label: CHECK_IN_RATING_LABELS[key],
            color: RATING_STYLES[key].color,
            strokeDasharray: RATING_STYLES[key].dash,
          }))}
          curveType="linear"
          xAxisProps={timeAxis(range)}
          yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] }}
          valueFormatter={formatNumber}
          tooltipProps={{ labelFormatter: tooltipDate(granularity) }}
        >
          {markerLines}
        </LineChart>
      </ChartFrame>
    </>
  );
}

interface MeasureChartProps extends Omit<ChartFrameProps, 'children'> {
  measure: MeasureSummary;
  scores: MeasureScore[];
  range: ProgressRange;
}

export function MeasureChart({ measure, scores, range, label, describedBy }: MeasureChartProps) {
  return (
    <ChartFrame label={label} describedBy={describedBy}>
      <LineChart
        accessibilityLayer={false}
        h={CHART_HEIGHTS.measure}
        data={scores.map((score) => ({ score: score.score, time: dateToTime(score.occurrenceOn) }))}
        dataKey="time"
        series={[{ name: 'score', label: measure.shortTitle, color: 'indigo.8' }]}
        curveType="linear"
        xAxisProps={timeAxis(range)}
        yAxisProps={{ domain: [measure.minScore, measure.maxScore] }}
        valueFormatter={formatNumber}
        referenceLines={[
          { y: measure.cutoff, label: `Cut-off ${formatNumber(measure.cutoff)}`, color: 'red.8', strokeDasharray: '4 3' },
        ]}
        tooltipProps={{ labelFormatter: tooltipDate('check-in') }}
      />
    </ChartFrame>
  );
}

interface HomeworkChartProps extends Omit<ChartFrameProps, 'children'> {
  weeks: HomeworkWeek[];
}

export function HomeworkChart({ weeks, label, describedBy }: HomeworkChartProps) {
  return (
    <ChartFrame label={label} describedBy={describedBy}>
      <BarChart
        accessibilityLayer={false}
        h={CHART_HEIGHTS.homework}
        // A week with nothing due has no bar, rather than a misleading 0%.
        data={weeks.map((week) => ({ weekOf: week.weekOf, done: week.rate === null ? null : Math.round(week.rate * 100) }))}
        dataKey="weekOf"
        xAxisProps={{ tickFormatter: formatShortDate }}
        series={[{ name: 'done', label: 'Done', color: 'teal.8' }]}
        yAxisProps={{ domain: [0, 100], ticks: [0, 50, 100] }}
        valueFormatter={(value) => `${value}%`}
        tooltipProps={{ labelFormatter: (weekOf: unknown) => (typeof weekOf === 'string' ? pointDate(weekOf, 'week') : '') }}
      />
    </ChartFrame>
  );
}
