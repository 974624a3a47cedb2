import { Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { AssignmentStatus, type Assignment, type CaseDetail } from '@trustwork/contracts';
import { useId } from 'react';
import { assigneeText, isFinishedOneOff, participantName, scheduleText } from '../homework-wording';
import { useUpdateAssignment } from '../hooks/use-homework';
import { CancelAssignmentModal } from './CancelAssignmentModal';
import { OccurrenceRow } from './OccurrenceRow';
import { SubmissionList } from './SubmissionList';

const STATUS_BADGES: Partial<Record<AssignmentStatus, { label: string; color: string }>> = {
  [AssignmentStatus.Paused]: { label: 'Paused', color: 'yellow' },
  [AssignmentStatus.Cancelled]: { label: 'Cancelled', color: 'gray' },
};
const DONE_BADGE = { label: 'Done', color: 'teal' };

function PauseResumeButton({ assignment, assignee }: { assignment: Assignment; assignee: string }) {
  const update = useUpdateAssignment(assignment.caseId);
  const pausing = assignment.status === AssignmentStatus.Active;
  const toggle = () =>
    update.mutate(
      { assignmentId: assignment.id, changes: { status: pausing ? AssignmentStatus.Paused : AssignmentStatus.Active } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: pausing ? 'Homework paused' : 'Homework resumed',
            message: `${assignment.exercise.title} · ${assignee}`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: pausing ? "We couldn't pause it" : "We couldn't resume it", message: error.message }),
      },
    );
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={pausing ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />}
      loading={update.isPending}
      aria-label={`${pausing ? 'Pause' : 'Resume'} ${assignment.exercise.title}, ${assignee}`}
      onClick={toggle}
    >
      {pausing ? 'Pause' : 'Resume'}
    </Button>
  );
}

/** One assignment: what, for whom, when, how it is going, and its answers on demand. */
export function AssignmentCard({ assignment, caseRecord }: { assignment: Assignment; caseRecord: CaseDetail }) {
  const [showingAnswers, answers] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
  const answersId = useId();
  const assignee = assigneeText(assignment, caseRecord);
  const finished = isFinishedOneOff(assignment);
  const statusBadge = STATUS_BADGES[assignment.status] ?? (finished ? DONE_BADGE : undefined);
  const cancelled = assignment.status === AssignmentStatus.Cancelled;

  return (
    <Paper component="li" withBorder p="md" radius="md" bg={cancelled ? 'var(--mantine-color-gray-0)' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Group gap="xs">
              <Title order={3} size="h4">
                {assignment.exercise.title}
              </Title>
              {statusBadge && (
                <Badge variant="light" color={statusBadge.color} tt="none">
                  {statusBadge.label}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {assignee} · {scheduleText(assignment)}
            </Text>
          </div>
          {!cancelled && !finished && (
            <Group gap="xs">
              <PauseResumeButton assignment={assignment} assignee={assignee} />
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconX size={14} aria-hidden />}
                aria-label={`Cancel ${assignment.exercise.title}, ${assignee}…`}
                onClick={cancel.open}
              >
                Cancel…
              </Button>
            </Group>
          )}
        </Group>
        {assignment.instructions && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600}>
              Your note:{' '}
            </Text>
            {assignment.instructions}
          </Text>
        )}
        {!cancelled && (
          <Stack gap={6}>
            {assignment.progress.map((progress) => (
              <OccurrenceRow
                key={progress.participantId}
                name={participantName(caseRecord, progress.participantId)}
                occurrences={progress.occurrences}
              />
            ))}
          </Stack>
        )}
        <div>
          <Button
            size="xs"
            variant="subtle"
            px={0}
            rightSection={showingAnswers ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            aria-expanded={showingAnswers}
            aria-controls={answersId}
            aria-label={`${showingAnswers ? 'Hide' : 'Show'} answers to ${assignment.exercise.title}, ${assignee}`}
            onClick={answers.toggle}
          >
            {showingAnswers ? 'Hide answers' : 'Show answers'}
          </Button>
        </div>
        <Collapse expanded={showingAnswers} id={answersId}>
          {showingAnswers && <SubmissionList assignment={assignment} caseRecord={caseRecord} />}
        </Collapse>
      </Stack>
      <CancelAssignmentModal assignment={assignment} assignee={assignee} opened={cancelling} onClose={cancel.close} />
    </Paper>
  );
}
