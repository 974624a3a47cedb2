import { Badge, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { BREACH_ROLE_LABELS, CASE_STATUS_LABELS, RELATIONSHIP_TYPE_LABELS, type CaseStatus, type RelationshipType } from '@trustwork/contracts';
import { phaseByNumber } from '@trustwork/trust-program';
import { type UseFormReturnType } from '@mantine/form';
import { useAgreements } from '../../agreements/hooks/use-agreement-library';
import { scheduleText } from '../../homework/homework-wording';
import { type IntakeValues } from '../intake-form';

interface IntakeReviewProps {
  form: UseFormReturnType<IntakeValues>;
  labels: readonly [string, string];
  /** Names of the chosen clinicians, or a sentence when the user does not choose them. */
  clinicians: string;
}

/** Step 4: everything the case will start with, one last look before it is created. */
export function IntakeReview({ form, labels, clinicians }: IntakeReviewProps) {
  const values = form.values;
  const names = values.participants.map((participant, index) => values.links[index]?.displayName ?? participant.displayName.trim());
  const whoText = (who: string) => {
    if (who === 'each') return 'each of them';
    if (who === 'together') return 'both together';
    return `${names[Number(who)]} only`;
  };
  const phase = phaseByNumber(Number(values.phase));
  // Chosen on the Agreements step, so the list is already loaded.
  const agreements = useAgreements();
  const titleOf = (id: string) =>
    agreements.data ? (agreements.data.find((agreement) => agreement.id === id)?.title ?? 'an agreement no longer in your list') : '…';

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="intake-review-people">
        <Title order={3} size="h5" id="intake-review-people" mb="xs">
          The two people
        </Title>
        <List spacing={4}>
          {values.participants.map((participant, index) => (
            <List.Item key={labels[index]}>
              <Group gap="xs">
                <Text size="sm">
                  {labels[index]}: <strong>{names[index]}</strong> · {BREACH_ROLE_LABELS[participant.breachRole]}
                </Text>
                {values.links[index] && (
                  <Badge size="sm" variant="light">
                    Linked to earlier record
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="intake-review-case">
        <Title order={3} size="h5" id="intake-review-case" mb="xs">
          Case details
        </Title>
        <Text size="sm">
          {RELATIONSHIP_TYPE_LABELS[values.relationshipType as RelationshipType]} · phase {values.phase}
          {phase && `, ${phase.title}`} · {CASE_STATUS_LABELS[values.status as CaseStatus]}
        </Text>
        <Text size="sm">Clinicians: {clinicians}</Text>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {values.presentingConcern.trim() || 'No presenting concern written yet.'}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="intake-review-agreements">
        <Title order={3} size="h5" id="intake-review-agreements" mb="xs">
          Agreements
        </Title>
        <Text size="sm">Confidentiality policy: {values.confidentialityPolicyId ? titleOf(values.confidentialityPolicyId) : 'None chosen'}</Text>
        <Text size="sm">
          To sign in the portal: {values.agreementIds.length ? values.agreementIds.map(titleOf).join(', ') : 'only the confidentiality policy'}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="intake-review-exercises">
        <Title order={3} size="h5" id="intake-review-exercises" mb="xs">
          First exercises
        </Title>
        {values.exercises.length === 0 ? (
          <Text size="sm" c="dimmed">
            None. You can assign homework from the case.
          </Text>
        ) : (
          <List spacing={4}>
            {values.exercises.map((exercise) => (
              <List.Item key={exercise.exerciseId}>
                <Text size="sm">
                  <strong>{exercise.title}</strong> · {whoText(exercise.who)} · {scheduleText(exercise)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <Checkbox
        label="Create both portal links now"
        description="Each person's link is shown once, on the next screen, for you to copy and send them."
        {...form.getInputProps('createPortalLinks', { type: 'checkbox' })}
      />
    </Stack>
  );
}
