import { Badge, Group, List, Text } from '@mantine/core';
import { type SessionBrief } from '@trustwork/contracts';
import { formatCalendarDate } from '../../../lib/practice-time';
import { caseProgressPath } from '../../case-record/case-record-paths';
import { formatAverage, participantNames } from '../brief-wording';
import { BriefSection } from './BriefSection';

/** Standard measures scored in the period, each against its cut-off. */
export function BriefMeasures({ brief }: { brief: SessionBrief }) {
  const names = participantNames(brief);
  const summaries = new Map(brief.measures.summaries.map((summary) => [summary.key, summary]));
  return (
    <BriefSection
      title="Measures"
      link={{ to: caseProgressPath(brief.caseId), label: 'See the Progress tab' }}
      empty={brief.measures.scores.length === 0 ? 'No measures were scored in this period.' : undefined}
    >
      <List size="sm" spacing="xs">
        {brief.measures.scores.map((score) => {
          const summary = summaries.get(score.measureKey);
          return (
            <List.Item key={`${score.measureKey}/${score.participantId}/${score.submittedAt}`}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={500}>
                  {summary?.shortTitle ?? score.measureKey}
                </Text>
                <Text size="sm">
                  {names.get(score.participantId)}: {formatAverage(score.score)}
                  {summary && ` of ${summary.maxScore}`}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatCalendarDate(score.occurrenceOn)}
                </Text>
                {score.belowCutoff && (
                  <Badge variant="light" color="red" tt="none">
                    Below the cut-off{summary && ` of ${formatAverage(summary.cutoff)}`}
                  </Badge>
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </BriefSection>
  );
}
