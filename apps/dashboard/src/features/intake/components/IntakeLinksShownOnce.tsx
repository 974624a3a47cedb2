import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type IntakeCreated } from '@trustwork/contracts';
import { Link } from 'react-router';
import { caseName } from '../../cases/participant-wording';
import { CopyLinkField } from '../../portal-links/components/CopyLinkField';
import { firstName } from '../../portal-links/portal-link-wording';

/**
 * After the intake: the case is open, and each person's portal link is here and nowhere else.
 * The URLs live only in this screen's state, so leaving it is their end.
 */
export function IntakeLinksShownOnce({ created }: { created: IntakeCreated }) {
  const { case: caseRecord, portalLinks, assignments } = created;
  const nameOf = (participantId: string) => caseRecord.participants.find((participant) => participant.id === participantId)?.displayName ?? '';
  // Closing the tab would lose links that cannot be shown again.
  useWindowEvent('beforeunload', (event) => {
    if (portalLinks.length > 0) event.preventDefault();
  });

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={2} size="h3">
          {caseName(caseRecord.participants)} are on your caseload
        </Title>
        <Text c="dimmed">
          {assignments.length === 0
            ? 'No homework assigned yet.'
            : `${assignments.length} ${assignments.length === 1 ? 'assignment' : 'assignments'} ready in their portals.`}
        </Text>
      </Stack>
      {portalLinks.length > 0 ? (
        <>
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Copy both links now">
            We won&apos;t show these links again. Send each person their own link yourself: anyone with a link can open that
            person&apos;s homework. If a link is lost, make a new one from the case.
          </Alert>
          {portalLinks.map((link) => {
            const name = firstName(nameOf(link.participantId));
            return (
              <Paper key={link.participantId} withBorder p="md" radius="md" component="section" aria-label={`Portal link for ${name}`}>
                <CopyLinkField link={link} label={`${name}'s portal link`} />
              </Paper>
            );
          })}
        </>
      ) : (
        <Text>No portal links were made. You can create them from the case when you are ready.</Text>
      )}
      <Group justify="flex-end">
        <Button component={Link} to={`/cases/${caseRecord.id}`}>
          Open the case
        </Button>
      </Group>
    </Stack>
  );
}
