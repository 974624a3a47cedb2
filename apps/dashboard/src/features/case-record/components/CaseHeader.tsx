import { useId, useState } from 'react';
import { Button, Grid, Group, Paper, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { CaseStatus, Permission, RELATIONSHIP_TYPE_LABELS, type CaseDetail } from '@trustwork/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { formatCalendarDate, practiceDate, usePracticeTimeZone } from '../../../lib/practice-time';
import { PolicyBadge } from '../../agreements/components/PolicyBadge';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { CaseStatusBadge } from '../../cases/components/CaseStatusBadge';
import { PhaseBadge } from '../../cases/components/PhaseBadge';
import { caseName, participantLabels } from '../../cases/participant-wording';
import { PortalLinksPanel } from '../../portal-links/components/PortalLinksPanel';
import { CaseActions } from './CaseActions';
import { ClosedCaseNotice } from './ClosedCaseNotice';
import { InformedConsentNotice } from './InformedConsentNotice';
import { ParticipantCard } from './ParticipantCard';

function cliniciansText(caseRecord: CaseDetail, userId: string): string {
  const names = caseRecord.clinicians.map((clinician) => (clinician.id === userId ? `${clinician.name} (you)` : clinician.name));
  if (names.length === 0) return 'No clinician assigned yet';
  return `${names.length === 1 ? 'Clinician' : 'Clinicians'}: ${names.join(', ')}`;
}

function PresentingConcern({ text }: { text: string | null }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="presenting-concern-heading">
      <Title order={2} size="h5" id="presenting-concern-heading" mb={4}>
        Presenting concern
      </Title>
      {text ? (
        <Spoiler maxHeight={44} showLabel="Show all" hideLabel="Show less">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Text>
        </Spoiler>
      ) : (
        <Text size="sm" c="dimmed">
          Nothing recorded yet. Add it with Edit details.
        </Text>
      )}
    </Paper>
  );
}

export function CaseHeader({ caseRecord }: { caseRecord: CaseDetail }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  const canViewClinical = usePermission(Permission.ViewClinicalRecords);
  const [contactShown, setContactShown] = useState(false);
  const contactIdPrefix = useId();
  const contactIds = caseRecord.participants.map((_participant, index) => `${contactIdPrefix}-contact-${index}`);
  const labels = participantLabels(caseRecord.relationshipType);
  const opened = formatCalendarDate(practiceDate(caseRecord.createdAt, timeZone));

  return (
    <Stack gap="md" mb="lg">
      <PageHeader
        title={caseName(caseRecord.participants)}
        description={`${RELATIONSHIP_TYPE_LABELS[caseRecord.relationshipType]} · case opened ${opened}`}
        actions={<CaseActions caseRecord={caseRecord} />}
      />
      <Group gap="sm" wrap="wrap" mt={-8}>
        <CaseStatusBadge status={caseRecord.status} />
        <PhaseBadge phase={caseRecord.phase} />
        <PolicyBadge caseRecord={caseRecord} />
        <Text size="sm" c="dimmed">
          {cliniciansText(caseRecord, user.id)}
        </Text>
        <InformedConsentNotice caseRecord={caseRecord} />
      </Group>

      {caseRecord.status === CaseStatus.Closed && <ClosedCaseNotice caseId={caseRecord.id} />}

      {/* Side by side on a wide screen (the links' rows need the wider half), so the tabs start within the first screenful. */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <section aria-labelledby={`${contactIdPrefix}-people`}>
              <Group justify="space-between" gap="xs" mb="xs">
                <Title order={2} size="h5" id={`${contactIdPrefix}-people`}>
                  People in this case
                </Title>
                {/* Contact details stay out of sight until asked for: the screen may be shared or overlooked. */}
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={contactShown ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
                  aria-expanded={contactShown}
                  aria-controls={contactIds.join(' ')}
                  onClick={() => setContactShown((shown) => !shown)}
                >
                  {contactShown ? 'Hide contact details' : 'Show contact details'}
                </Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {caseRecord.participants.map((participant, index) => (
                  <ParticipantCard
                    key={participant.id}
                    participant={participant}
                    role={labels[index] ?? 'Participant'}
                    contactShown={contactShown}
                    contactId={contactIds[index]}
                  />
                ))}
              </SimpleGrid>
            </section>
            {canViewClinical && <PresentingConcern text={caseRecord.presentingConcern} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <PortalLinksPanel caseRecord={caseRecord} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
