import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Permission, type CaseDetail } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { usePermission } from '../../auth/hooks/use-session';
import { usePortalLinks } from '../hooks/use-portal-links';
import { ParticipantLinkRow } from './ParticipantLinkRow';

const HEADING_ID = 'portal-links-heading';

/** Each participant's personal link to their homework portal: where it stands, and a new one on request. */
export function PortalLinksPanel({ caseRecord }: { caseRecord: CaseDetail }) {
  const links = usePortalLinks(caseRecord.id);
  // Whoever holds a link can read that person's answers, which assistants never see.
  const canCreate = usePermission(Permission.ViewClinicalRecords);

  let body;
  if (links.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading portal links">
        <Skeleton height={40} radius="sm" />
        <Skeleton height={40} radius="sm" />
      </Stack>
    );
  } else if (links.isError) {
    body = (
      <LoadFailed
        title="We couldn't load the portal links"
        query={links}
      />
    );
  } else {
    body = (
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
        {caseRecord.participants.map((participant) => (
          <ParticipantLinkRow
            key={participant.id}
            caseId={caseRecord.id}
            participant={participant}
            link={links.data.find((link) => link.participantId === participant.id)}
            canCreate={canCreate}
          />
        ))}
      </Stack>
    );
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={HEADING_ID}>
      <Title order={2} size="h5" id={HEADING_ID}>
        Portal links
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Each person&apos;s private link to their homework. Links are shown once when created; you send them yourself.
      </Text>
      {body}
    </Paper>
  );
}
