import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Permission, type CaseSummary } from '@trustwork/contracts';
import { Link } from 'react-router';
import { AlertBadges } from '../../alerts/components/AlertBadges';
import { usePermission } from '../../auth/hooks/use-session';
import { caseName } from '../participant-wording';
import { CaseStatusBadge } from './CaseStatusBadge';
import { SessionTime, breachHint } from './CaseloadTable';
import { PhaseBadge } from './PhaseBadge';

const SKELETON_CARDS = 3;

/**
 * One case on a tablet or phone: both people, status, phase, the next session and the open
 * alerts, as the table's row shows them; the whole card is the link to the case.
 */
export function CaseCard({ summary, showAlerts }: { summary: CaseSummary; showAlerts: boolean }) {
  const hint = breachHint(summary.participants);
  return (
    <Card
      component={Link}
      to={`/cases/${summary.id}`}
      withBorder
      padding="sm"
      td="none"
      c="var(--mantine-color-text)"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" c="teal.9" style={{ overflowWrap: 'anywhere' }}>
            {caseName(summary.participants)}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        <CaseStatusBadge status={summary.status} />
      </Group>
      <Stack gap={6} mt={6}>
        <PhaseBadge phase={summary.phase} />
        <Group justify="space-between" align="center" gap="xs">
          <Text component="span" size="sm">
            <Text component="span" size="sm" c="dimmed">
              Next session:{' '}
            </Text>
            {summary.nextSession ? (
              <SessionTime session={summary.nextSession} none="None booked" />
            ) : (
              <Text component="span" size="sm" c="dimmed">
                None booked
              </Text>
            )}
          </Text>
          {showAlerts &&
            (summary.openAlertCount > 0 ? (
              <AlertBadges count={summary.openAlertCount} kinds={summary.alertKinds} />
            ) : (
              <Text component="span" size="xs" c="dimmed">
                No open alerts
              </Text>
            ))}
        </Group>
      </Stack>
    </Card>
  );
}

interface CaseloadCardsProps {
  /** Null while the first page loads: skeleton cards stand in. */
  cases: CaseSummary[] | null;
  /** Cards of the previous search are showing while a new one loads. */
  stale?: boolean;
}

/** The caseload below a landscape tablet: a card per case, nothing to scroll sideways. */
export function CaseloadCards({ cases, stale = false }: CaseloadCardsProps) {
  const busy = cases === null || stale;
  const showAlerts = usePermission(Permission.ViewClinicalRecords);
  return (
    <>
      {!showAlerts && (
        <Text size="sm" c="dimmed" mb="xs">
          Alerts are part of the clinical record, so they are not shown to your role.
        </Text>
      )}
      <Stack
        component="ul"
        aria-label="Cases"
        aria-busy={busy}
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none', opacity: stale ? 0.6 : 1 }}
      >
        {cases === null
          ? Array.from({ length: SKELETON_CARDS }, (_, index) => (
              <li key={index}>
                <Skeleton height={96} radius="md" />
              </li>
            ))
          : cases.map((summary) => (
              <li key={summary.id}>
                <CaseCard summary={summary} showAlerts={showAlerts} />
              </li>
            ))}
      </Stack>
    </>
  );
}
