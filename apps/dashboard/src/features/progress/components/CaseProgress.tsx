import { Group, SegmentedControl, Switch, Text } from '@mantine/core';
import { Permission, type CaseDetail } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { formatCalendarDate } from '../../../lib/practice-time';
import { usePermission } from '../../auth/hooks/use-session';
import { ClinicalOnlyNotice } from '../../case-record/components/ClinicalOnlyNotice';
import { TabSectionHeader } from '../../case-record/components/TabSectionHeader';
import { useCaseProgress, useProgressView } from '../hooks/use-case-progress';
import { PROGRESS_PERIOD_OPTIONS, readProgressPeriod } from '../progress-range';
import { ProgressReport } from './ProgressReport';
import { ProgressSkeleton } from './ProgressSkeleton';

/** The case's progress: each person's check-ins side by side, the couple measure and homework done, over a chosen period. */
export function CaseProgress({ caseRecord }: { caseRecord: CaseDetail }) {
  const canView = usePermission(Permission.ViewClinicalRecords);
  const { period, range, asTable, setPeriod, setAsTable } = useProgressView();
  // Assistants are never asked to fetch what the API would refuse them; a 403 says the same if roles change.
  const progress = useCaseProgress(caseRecord.id, range, canView);

  if (!canView || isApiRequestError(progress.error, 403)) {
    return (
      <ClinicalOnlyNotice caseId={caseRecord.id} title="Progress is part of the clinical record">
        Your role can&apos;t see check-ins, questionnaire scores or homework. You can still book and change this case&apos;s
        sessions.
      </ClinicalOnlyNotice>
    );
  }

  let body;
  if (progress.data) {
    body = (
      <ProgressReport progress={progress.data} caseRecord={caseRecord} asTable={asTable} updating={progress.isPlaceholderData} />
    );
  } else if (progress.isError) {
    body = <LoadFailed title="We couldn't load the progress" query={progress} />;
  } else {
    body = <ProgressSkeleton />;
  }

  return (
    <>
      <TabSectionHeader
        title="Progress"
        description="How each of them rates trust, safety, being heard and closeness, with questionnaire scores and homework done."
      />
      <Group justify="space-between" align="center" gap="sm" mb="md">
        <SegmentedControl
          aria-label="Period"
          size="xs"
          data={PROGRESS_PERIOD_OPTIONS}
          value={period}
          onChange={(value) => setPeriod(readProgressPeriod(value))}
        />
        <Switch label="Show as tables" checked={asTable} onChange={(event) => setAsTable(event.currentTarget.checked)} />
      </Group>
      <Text size="sm" c="dimmed" mb="md" aria-live="polite">
        {progress.isPending || progress.isPlaceholderData ? 'Loading ' : 'Showing '}
        {formatCalendarDate(range.from)} to {formatCalendarDate(range.to)}
        {progress.data && !progress.isPlaceholderData && progress.data.granularity === 'week' && ', as weekly averages'}
      </Text>
      {body}
    </>
  );
}
