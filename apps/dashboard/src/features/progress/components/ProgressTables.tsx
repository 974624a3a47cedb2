import { type ReactNode } from 'react';
import { Table } from '@mantine/core';
import { type CaseProgress, type CheckInPoint, type HomeworkWeek, type MeasureScore, type MeasureSummary } from '@trustwork/contracts';
import { CHECK_IN_RATING_KEYS, CHECK_IN_RATING_LABELS } from '@trustwork/trust-program';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { formatCalendarDate } from '../../../lib/practice-time';
import { formatNumber, formatPercent } from '../progress-wording';

interface NumbersTableProps {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/** The numbers behind a chart as a plain table: the first column names each row. */
function NumbersTable({ caption, headers, rows }: NumbersTableProps) {
  return (
    <SidewaysTable label={caption} minWidth={320}>
      <Table striped captionSide="top" fz="sm">
        <Table.Caption ta="left">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ key, cells: [first, ...rest] }) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw="normal">
                {first}
              </Table.Th>
              {rest.map((cell, index) => (
                <Table.Td key={index}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SidewaysTable>
  );
}

interface CheckInTableProps {
  name: string;
  points: CheckInPoint[];
  granularity: CaseProgress['granularity'];
}

export function CheckInTable({ name, points, granularity }: CheckInTableProps) {
  const weekly = granularity === 'week';
  return (
    <NumbersTable
      caption={weekly ? `${name}'s check-ins, weekly averages` : `${name}'s check-ins`}
      headers={[weekly ? 'Week of' : 'Date', ...CHECK_IN_RATING_KEYS.map((key) => CHECK_IN_RATING_LABELS[key]), ...(weekly ? ['Check-ins'] : [])]}
      rows={points.map((point) => ({
        key: point.on,
        cells: [
          formatCalendarDate(point.on),
          ...CHECK_IN_RATING_KEYS.map((key) => formatNumber(point[key])),
          ...(weekly ? [point.count] : []),
        ],
      }))}
    />
  );
}

export function MeasureTable({ name, measure, scores }: { name: string; measure: MeasureSummary; scores: MeasureScore[] }) {
  return (
    <NumbersTable
      caption={`${name}'s ${measure.shortTitle} scores`}
      headers={['Date', 'Score', `Below the cut-off (${formatNumber(measure.cutoff)})`]}
      rows={scores.map((score) => ({
        key: score.submittedAt,
        cells: [formatCalendarDate(score.occurrenceOn), formatNumber(score.score), score.belowCutoff ? 'Yes' : 'No'],
      }))}
    />
  );
}

export function HomeworkTable({ name, weeks }: { name: string; weeks: HomeworkWeek[] }) {
  return (
    <NumbersTable
      caption={`${name}'s homework by week`}
      headers={['Week of', 'Due', 'Done', 'Done of due']}
      rows={weeks.map((week) => ({
        key: week.weekOf,
        cells: [formatCalendarDate(week.weekOf), week.due, week.done, week.rate === null ? 'Nothing due' : formatPercent(week.rate)],
      }))}
    />
  );
}
