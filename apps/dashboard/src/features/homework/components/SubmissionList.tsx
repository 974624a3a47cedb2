import { Badge, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import { type Assignment, type CaseDetail, type Submission } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatCalendarDate, formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { answerText } from '../homework-wording';
import { useSubmissions } from '../hooks/use-homework';

function SharingBadge({ submission, caseRecord }: { submission: Submission; caseRecord: CaseDetail }) {
  if (!submission.shared) {
    return (
      <Badge variant="light" color="gray" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
        Private
      </Badge>
    );
  }
  const other = caseRecord.participants.find((participant) => participant.id !== submission.participant.id);
  return (
    <Badge variant="light" color="grape" tt="none" leftSection={<IconEye size={12} aria-hidden />}>
      {other ? `Shared with ${other.displayName}` : 'Shared'}
    </Badge>
  );
}

function SubmissionAnswers({ assignment, submission, caseRecord }: { assignment: Assignment; submission: Submission; caseRecord: CaseDetail }) {
  const timeZone = usePracticeTimeZone();
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <div>
            <Title order={4} size="h5">
              {submission.participant.displayName} · <time dateTime={submission.occurrenceOn}>{formatCalendarDate(submission.occurrenceOn)}</time>
            </Title>
            <Text size="xs" c="dimmed">
              Sent <time dateTime={submission.submittedAt}>{formatDateTime(submission.submittedAt, timeZone)}</time>
            </Text>
          </div>
          <SharingBadge submission={submission} caseRecord={caseRecord} />
        </Group>
        <Stack component="dl" gap="xs" m={0}>
          {assignment.exercise.prompts.map((prompt) => {
            const answer = answerText(prompt, submission.answers[prompt.key]);
            return (
              <div key={prompt.key}>
                <Text component="dt" size="sm" fw={600}>
                  {prompt.label}
                </Text>
                <Text component="dd" size="sm" m={0} c={answer === null ? 'dimmed' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
                  {answer ?? 'Not answered'}
                </Text>
              </div>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The answers sent for one assignment, newest date first. */
export function SubmissionList({ assignment, caseRecord }: { assignment: Assignment; caseRecord: CaseDetail }) {
  const submissions = useSubmissions(assignment.id, true);

  if (submissions.isError) {
    return (
      <LoadFailed
        title="We couldn't load the answers"
        query={submissions}
      />
    );
  }
  if (!submissions.data) {
    return (
      <Stack gap="xs" role="status" aria-busy="true">
        <VisuallyHidden>Loading the answers…</VisuallyHidden>
        <Skeleton height={18} width="40%" radius="sm" />
        <Skeleton height={14} width="80%" radius="sm" />
      </Stack>
    );
  }
  if (submissions.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No answers yet. They appear here as soon as someone sends their sheet.
      </Text>
    );
  }
  const newestFirst = [...submissions.data].sort(
    (a, b) => b.occurrenceOn.localeCompare(a.occurrenceOn) || a.participant.displayName.localeCompare(b.participant.displayName),
  );
  return (
    <Stack component="ul" gap="sm" m={0} p={0} aria-label={`Answers to ${assignment.exercise.title}`} style={{ listStyle: 'none' }}>
      {newestFirst.map((submission) => (
        <SubmissionAnswers key={submission.id} assignment={assignment} submission={submission} caseRecord={caseRecord} />
      ))}
    </Stack>
  );
}
