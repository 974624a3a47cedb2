import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type BriefHomeworkItem, type SessionBrief } from '@trustwork/contracts';
import { formatCalendarDate, formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { caseHomeworkPath } from '../../case-record/case-record-paths';
import { participantNames } from '../brief-wording';
import { BriefSection } from './BriefSection';

const GROUPS = [
  { key: 'overdue', label: 'Overdue', color: 'orange' },
  { key: 'missed', label: 'Missed', color: 'red' },
  { key: 'done', label: 'Done', color: 'teal' },
] as const;

function HomeworkItems({ items }: { items: BriefHomeworkItem[] }) {
  return (
    <List size="sm" spacing={2}>
      {items.map((item) => (
        <List.Item key={`${item.assignmentId}/${item.on}`}>
          {item.title} · <time dateTime={item.on}>{formatCalendarDate(item.on)}</time>
        </List.Item>
      ))}
    </List>
  );
}

/** Each participant's homework dates of the period: overdue and missed first, they are what to ask about. */
export function BriefHomework({ brief }: { brief: SessionBrief }) {
  const names = participantNames(brief);
  const none = brief.homework.every((homework) => GROUPS.every((group) => homework[group.key].length === 0));
  return (
    <BriefSection
      title="Homework"
      link={{ to: caseHomeworkPath(brief.caseId), label: 'Open the Homework tab' }}
      empty={none ? 'No homework was due in this period.' : undefined}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {brief.homework.map((homework) => (
          <Stack key={homework.participantId} gap={6}>
            <Title order={3} size="h5">
              {names.get(homework.participantId)}
            </Title>
            <Text size="sm">
              {homework.done.length} done · {homework.missed.length} missed · {homework.overdue.length} overdue
            </Text>
            {GROUPS.filter((group) => homework[group.key].length > 0).map((group) => (
              <Stack key={group.key} gap={2}>
                <Badge variant="light" color={group.color} tt="none">
                  {group.label}
                </Badge>
                <HomeworkItems items={homework[group.key]} />
              </Stack>
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </BriefSection>
  );
}

/** The sheets sent in the period, by title: the answers themselves are read in the Homework tab. */
export function BriefAnswers({ brief }: { brief: SessionBrief }) {
  const timeZone = usePracticeTimeZone();
  const names = participantNames(brief);
  return (
    <BriefSection
      title="Answers sent"
      link={{ to: caseHomeworkPath(brief.caseId), label: 'Read them in the Homework tab' }}
      empty={brief.answers.length === 0 ? 'No answers were sent in this period.' : undefined}
    >
      <List size="sm" spacing="xs">
        {brief.answers.map((answer) => (
          <List.Item key={answer.id}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={500}>
                {answer.title}
              </Text>
              <Text size="sm">by {names.get(answer.participantId)}</Text>
              <Text size="sm" c="dimmed">
                sent {formatDateTime(answer.submittedAt, timeZone)}
              </Text>
              <Badge variant={answer.shared ? 'light' : 'outline'} color={answer.shared ? 'blue' : 'gray'} tt="none">
                {answer.shared ? 'Shared with the other person' : 'Private'}
              </Badge>
            </Group>
          </List.Item>
        ))}
      </List>
    </BriefSection>
  );
}
