import { lazy, Suspense, useId, type ReactNode } from 'react';
import { Alert, Box, Button, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartLine, IconClipboardList } from '@tabler/icons-react';
import { type CaseDetail, type CaseProgress, type MeasureSummary, type ParticipantProgressSeries } from '@trustwork/contracts';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { formatCalendarDate } from '../../../lib/practice-time';
import { caseHomeworkPath } from '../../case-record/case-record-paths';
import { type ProgressRange } from '../api/progress-api';
import {
  belowCutoffCallout,
  checkInSummary,
  homeworkSummary,
  measureSummary,
  progressMarkers,
  scoresOf,
  type ProgressMarker,
} from '../progress-wording';
import { CHART_HEIGHTS } from './chart-heights';
import { ChartSkeleton } from './ProgressSkeleton';
import { CheckInTable, HomeworkTable, MeasureTable } from './ProgressTables';

// The charts (and recharts with them) load only when first shown: one chunk for all three.
const loadCharts = () => import('./ProgressCharts');
const CheckInChart = lazy(() => loadCharts().then((charts) => ({ default: charts.CheckInChart })));
const MeasureChart = lazy(() => loadCharts().then((charts) => ({ default: charts.MeasureChart })));
const HomeworkChart = lazy(() => loadCharts().then((charts) => ({ default: charts.HomeworkChart })));

interface ProgressReportProps {
  progress: CaseProgress;
  caseRecord: CaseDetail;
  asTable: boolean;
  /** Another period is loading; this one stays on screen meanwhile. */
  updating: boolean;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

interface ParticipantPanelProps {
  name: string;
  summary: string;
  /** For the chart to point to as its description. */
  summaryId: string;
  /** Under the summary, e.g. a warning about scores below a cut-off. */
  note?: ReactNode;
  /** The chart or table; none when there is nothing to draw. */
  children?: ReactNode;
}

/** One person's half of a section: their name, what the numbers say in words, then the chart or table. */
function ParticipantPanel({ name, summary, summaryId, note, children }: ParticipantPanelProps) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {name}
      </Title>
      <Text id={summaryId} size="sm">
        {summary}
      </Text>
      {note}
      {children}
    </Stack>
  );
}

/** Both people side by side on wide screens, one above the other on narrow ones. */
function SideBySide({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="xl">
      {children}
    </SimpleGrid>
  );
}

function Chart({ height, children }: { height: number; children: ReactNode }) {
  return <Suspense fallback={<ChartSkeleton height={height} />}>{children}</Suspense>;
}

function MarkerList({ markers }: { markers: ProgressMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <Box>
      <Title order={4} size="h6">
        Events and phase changes in this period
      </Title>
      <List size="sm" spacing={2} mt={4}>
        {markers.map((marker) => (
          <List.Item key={marker.key}>
            <time dateTime={marker.on}>{formatCalendarDate(marker.on)}</time>: {marker.description}
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

interface CheckInPanelProps {
  participant: ParticipantProgressSeries;
  granularity: CaseProgress['granularity'];
  range: ProgressRange;
  markers: ProgressMarker[];
  asTable: boolean;
}

function CheckInPanel({ participant: { displayName: name, checkIns }, granularity, range, markers, asTable }: CheckInPanelProps) {
  const summaryId = useId();
  let view = null;
  if (checkIns.length > 0) {
    view = asTable ? (
      <CheckInTable name={name} points={checkIns} granularity={granularity} />
    ) : (
      <Chart height={CHART_HEIGHTS.checkIns}>
        <CheckInChart
          points={checkIns}
          granularity={granularity}
          range={range}
          markers={markers}
          label={`Line chart of ${name}'s check-ins`}
          describedBy={summaryId}
        />
      </Chart>
    );
  }
  return (
    <ParticipantPanel name={name} summary={checkInSummary(checkIns, granularity)} summaryId={summaryId}>
      {view}
    </ParticipantPanel>
  );
}

function CheckInsSection({ progress, asTable, range }: { progress: CaseProgress; asTable: boolean; range: ProgressRange }) {
  const markers = progressMarkers(progress.events, progress.phaseChanges);
  return (
    <Section title="Check-ins">
      {!asTable && (
        <Text size="sm" c="dimmed">
          Each rating from 0 to 10, with events and phase changes marked where they happened.
        </Text>
      )}
      <SideBySide>
        {progress.participants.map((participant) => (
          <CheckInPanel
            key={participant.participantId}
            participant={participant}
            granularity={progress.granularity}
            range={range}
            markers={markers}
            asTable={asTable}
          />
        ))}
      </SideBySide>
      <MarkerList markers={markers} />
    </Section>
  );
}

interface MeasurePanelProps {
  participant: ParticipantProgressSeries;
  measure: MeasureSummary;
  range: ProgressRange;
  asTable: boolean;
}

function MeasurePanel({ participant, measure, range, asTable }: MeasurePanelProps) {
  const summaryId = useId();
  const name = participant.displayName;
  const scores = scoresOf(measure, participant.measures);
  const below = belowCutoffCallout(scores);
  let view = null;
  if (scores.length > 0) {
    view = asTable ? (
      <MeasureTable name={name} measure={measure} scores={scores} />
    ) : (
      <Chart height={CHART_HEIGHTS.measure}>
        <MeasureChart
          measure={measure}
          scores={scores}
          range={range}
          label={`Line chart of ${name}'s ${measure.shortTitle} scores against the cut-off`}
          describedBy={summaryId}
        />
      </Chart>
    );
  }
  return (
    <ParticipantPanel
      name={name}
      summary={measureSummary(measure, scores)}
      summaryId={summaryId}
      note={
        below && (
          <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">
            <Text size="sm">
              {below} {measure.cutoffMeaning}
            </Text>
          </Alert>
        )
      }
    >
      {view}
    </ParticipantPanel>
  );
}

interface MeasureSectionProps {
  measure: MeasureSummary;
  progress: CaseProgress;
  range: ProgressRange;
  asTable: boolean;
}

function MeasureSection({ measure, progress, range, asTable }: MeasureSectionProps) {
  return (
    <Section title={measure.title}>
      <Text size="sm" c="dimmed">
        {measure.purpose}
      </Text>
      <SideBySide>
        {progress.participants.map((participant) => (
          <MeasurePanel key={participant.participantId} participant={participant} measure={measure} range={range} asTable={asTable} />
        ))}
      </SideBySide>
    </Section>
  );
}

/** An empty section whose next step is on the Homework tab: assigning what fills it. */
function EmptyUntilAssigned({ caseId, icon, title, children }: { caseId: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <EmptyState
      icon={icon}
      title={title}
      headingOrder={3}
      action={
        <Button component={Link} to={caseHomeworkPath(caseId)} variant="light">
          Go to Homework
        </Button>
      }
    >
      {children}
    </EmptyState>
  );
}

/** Only couples take the CSI-4, so only their cases are pointed to it. */
function NoMeasures({ caseId }: { caseId: string }) {
  return (
    <EmptyUntilAssigned caseId={caseId} icon={<IconClipboardList size={22} />} title="No questionnaire scores in this period">
      <Text>
        Assign the CSI-4 from the Homework tab to see how satisfied each of them is with the relationship, against its
        cut-off.
      </Text>
    </EmptyUntilAssigned>
  );
}

function HomeworkPanel({ participant: { displayName: name, homework }, asTable }: { participant: ParticipantProgressSeries; asTable: boolean }) {
  const summaryId = useId();
  let view = null;
  if (homework.some((week) => week.due > 0)) {
    view = asTable ? (
      <HomeworkTable name={name} weeks={homework} />
    ) : (
      <Chart height={CHART_HEIGHTS.homework}>
        <HomeworkChart weeks={homework} label={`Bar chart of the share of ${name}'s homework done each week`} describedBy={summaryId} />
      </Chart>
    );
  }
  return (
    <ParticipantPanel name={name} summary={homeworkSummary(homework)} summaryId={summaryId}>
      {view}
    </ParticipantPanel>
  );
}

function HomeworkSection({ progress, asTable }: { progress: CaseProgress; asTable: boolean }) {
  return (
    <Section title="Homework done">
      <SideBySide>
        {progress.participants.map((participant) => (
          <HomeworkPanel key={participant.participantId} participant={participant} asTable={asTable} />
        ))}
      </SideBySide>
    </Section>
  );
}

function NoCheckIns({ caseId }: { caseId: string }) {
  return (
    <EmptyUntilAssigned caseId={caseId} icon={<IconChartLine size={22} />} title="No check-ins in this period">
      <Text>
        Each of them sends check-ins from their own portal: four quick ratings of trust, feeling safe, feeling heard and
        closeness.
      </Text>
      <Text>To remind them every week, assign the Weekly trust check-in from the Homework tab, or choose a longer period above.</Text>
    </EmptyUntilAssigned>
  );
}

/** The progress of one period: check-ins, then each questionnaire, then homework, each person side by side. */
export function ProgressReport({ progress, caseRecord, asTable, updating }: ProgressReportProps) {
  const range = { from: progress.from, to: progress.to };
  const anyCheckIns = progress.participants.some((participant) => participant.checkIns.length > 0);
  return (
    <Stack
      gap="xl"
      aria-busy={updating}
      // Dimmed, not hidden, while the next period loads: the layout stays where it is.
      style={{ opacity: updating ? 0.55 : 1, transition: 'opacity 150ms' }}
    >
      {anyCheckIns ? <CheckInsSection progress={progress} asTable={asTable} range={range} /> : <NoCheckIns caseId={caseRecord.id} />}
      {progress.measures.map((measure) => (
        <MeasureSection key={measure.key} measure={measure} progress={progress} range={range} asTable={asTable} />
      ))}
      {progress.measures.length === 0 && caseRecord.relationshipType === 'couple' && <NoMeasures caseId={caseRecord.id} />}
      <HomeworkSection progress={progress} asTable={asTable} />
    </Stack>
  );
}
