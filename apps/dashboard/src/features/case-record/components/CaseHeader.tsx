import { useId, useState } from 'react';
import { Badge, Button, Collapse, Grid, Group, Paper, SimpleGrid, Spoiler, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconEye, IconEyeOff } from '@tabler/icons-react';
import { CaseStatus, Permission, RELATIONSHIP_TYPE_LABELS, type CaseDetail } from '@trustwork/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { formatCalendarDate, practiceDate, usePracticeTimeZone } from '../../../lib/practice-time';
import { PolicyBadge } from '../../agreements/components/PolicyBadge';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { CaseStatusBadge } from '../../cases/components/CaseStatusBadge';
import { PhaseBadge } from '../../cases/components/PhaseBadge';
import { caseName, participantLabels } from '../../cases/participant-wording';
import { AlertPanel } from '../../alerts/components/AlertPanel';
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

function useCaseTitle(caseRecord: CaseDetail) {
  const timeZone = usePracticeTimeZone();
  const opened = formatCalendarDate(practiceDate(caseRecord.createdAt, timeZone));
  return {
    title: caseName(caseRecord.participants),
    description: `${RELATIONSHIP_TYPE_LABELS[caseRecord.relationshipType]} · case opened ${opened}`,
  };
}

/** The policy, who the clinicians are and whether consent is recorded. */
function CaseFacts({ caseRecord }: { caseRecord: CaseDetail }) {
  const user = useCurrentUser();
  return (
    <>
      <PolicyBadge caseRecord={caseRecord} />
      <Text size="sm" c="dimmed">
        {cliniciansText(caseRecord, user.id)}
      </Text>
      <InformedConsentNotice caseRecord={caseRecord} />
    </>
  );
}

/** The people (contact details on request), the presenting concern and the portal links. */
function CaseDetails({ caseRecord }: { caseRecord: CaseDetail }) {
  const canViewClinical = usePermission(Permission.ViewClinicalRecords);
  const [contactShown, setContactShown] = useState(false);
  const contactIdPrefix = useId();
  const contactIds = caseRecord.participants.map((_participant, index) => `${contactIdPrefix}-contact-${index}`);
  const labels = participantLabels(caseRecord.relationshipType);

  return (
    // Side by side on a wide screen (the links' rows need the wider half), so the tabs start within the first screenful.
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
  );
}

/** The wide header: everything about the case above its tabs, with the open alerts below it. */
export function CaseHeader({ caseRecord }: { caseRecord: CaseDetail }) {
  const { title, description } = useCaseTitle(caseRecord);
  return (
    <>
      <Stack gap="md" mb="lg">
        <PageHeader title={title} description={description} actions={<CaseActions caseRecord={caseRecord} />} />
        <Group gap="sm" wrap="wrap" mt={-8}>
          <CaseStatusBadge status={caseRecord.status} />
          <PhaseBadge phase={caseRecord.phase} />
          <CaseFacts caseRecord={caseRecord} />
        </Group>

        {caseRecord.status === CaseStatus.Closed && <ClosedCaseNotice caseId={caseRecord.id} />}

        <CaseDetails caseRecord={caseRecord} />
      </Stack>
      <AlertPanel caseRecord={caseRecord} />
    </>
  );
}

function ToggleIcon({ open }: { open: boolean }) {
  return open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />;
}

function alertsLabel(count: number): string {
  if (count === 0) return 'No open alerts';
  return count === 1 ? '1 open alert' : `${count} open alerts`;
}

/**
 * Below a landscape tablet: who, the phase, the status and the open alerts on a few lines, every action in one
 * menu, and the rest (people, portal links, what needs attention) folded away, so the tabs sit on the first screen.
 */
export function CompactCaseHeader({ caseRecord }: { caseRecord: CaseDetail }) {
  const { title, description } = useCaseTitle(caseRecord);
  const clinical = usePermission(Permission.ViewClinicalRecords);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [alertsOpen, setAlertsOpen] = useState(false);
  const aboutId = useId();
  const alertsId = useId();
  const alertCount = caseRecord.openAlertCount;

  return (
    <Stack gap="xs" mb="md">
      <PageHeader title={title} description={description} actions={<CaseActions caseRecord={caseRecord} compact />} />
      <Group gap="xs" wrap="wrap" mt={-12}>
        <CaseStatusBadge status={caseRecord.status} />
        <PhaseBadge phase={caseRecord.phase} />
      </Group>
      {caseRecord.status === CaseStatus.Closed && <ClosedCaseNotice caseId={caseRecord.id} />}
      <Group gap="xs" wrap="wrap">
        {/* Alerts are clinical: an assistant never sees the count. */}
        {clinical && (
          <UnstyledButton
            mih={44}
            aria-expanded={alertsOpen}
            aria-controls={alertsId}
            onClick={() => setAlertsOpen((open) => !open)}
          >
            <Badge
              size="lg"
              variant="light"
              color={alertCount > 0 ? 'red' : 'gray'}
              tt="none"
              leftSection={alertCount > 0 ? <IconAlertTriangle size={14} aria-hidden /> : undefined}
              rightSection={<ToggleIcon open={alertsOpen} />}
              style={{ cursor: 'pointer' }}
            >
              {alertsLabel(alertCount)}
            </Badge>
          </UnstyledButton>
        )}
        <Button
          variant="subtle"
          px="xs"
          aria-expanded={aboutOpen}
          aria-controls={aboutId}
          rightSection={<ToggleIcon open={aboutOpen} />}
          onClick={() => setAboutOpen((open) => !open)}
        >
          About this case
        </Button>
      </Group>
      <Collapse expanded={alertsOpen} id={alertsId} keepMountedMode="display-none">
        {clinical && <AlertPanel caseRecord={caseRecord} />}
      </Collapse>
      <Collapse expanded={aboutOpen} id={aboutId} keepMountedMode="display-none">
        <Stack gap="md" pb="md">
          <Group gap="sm" wrap="wrap">
            <CaseFacts caseRecord={caseRecord} />
          </Group>
          <CaseDetails caseRecord={caseRecord} />
        </Stack>
      </Collapse>
    </Stack>
  );
}
