import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type SessionBrief } from '@trustwork/contracts';
import { Link } from 'react-router';
import { assignExercisePath } from '../../case-record/case-record-paths';
import { BriefSection } from './BriefSection';

/** Where the case is in the program, and the library's exercises for that phase. */
export function BriefPhase({ brief }: { brief: SessionBrief }) {
  const { phase } = brief;
  return (
    <BriefSection title={`Phase ${phase.number}: ${phase.title}`}>
      {phase.summary && <Text size="sm">{phase.summary}</Text>}
      <Text size="sm" fw={600}>
        Suggested next exercises
      </Text>
      {phase.suggestions.length === 0 ? (
        <Text size="sm" c="dimmed">
          The library has no exercises for this phase.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {phase.suggestions.map((suggestion) => (
            <Paper component="li" key={suggestion.exerciseId} withBorder radius="sm" p="sm">
              <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {suggestion.title} <Text span size="xs" c="dimmed">· about {suggestion.minutes} min</Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {suggestion.purpose}
                  </Text>
                </div>
                {suggestion.assigned ? (
                  <Badge variant="light" color="gray" tt="none" flex="none">
                    Already given
                  </Badge>
                ) : (
                  <Button
                    component={Link}
                    to={assignExercisePath(brief.caseId, suggestion.exerciseId)}
                    variant="light"
                    size="xs"
                    // A button clips its label (overflow: hidden), so it never shrinks beside a long purpose.
                    flex="none"
                    className="brief-screen-only"
                    aria-label={`Assign ${suggestion.title}`}
                  >
                    Assign
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </BriefSection>
  );
}
