import { type MouseEvent } from 'react';
import { Anchor, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { Permission, RELATIONSHIP_TYPE_LABELS, type BreachRole, type CaseSummary, type SessionRef } from '@trustwork/contracts';
import { Link, useNavigate } from 'react-router';
import { formatDateTime, formatShortDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { AlertBadges } from '../../alerts/components/AlertBadges';
import { usePermission } from '../../auth/hooks/use-session';
import { caseName } from '../participant-wording';
import { CaseStatusBadge } from './CaseStatusBadge';
import { PhaseBadge } from './PhaseBadge';

const COLUMNS = ['Participants', 'Relationship', 'Phase', 'Status', 'Clinicians', 'Next session', 'Last session', 'Alerts'];
// Alerts are clinical: without them the column would show "—", which reads as "no alerts".
const COLUMNS_WITHOUT_ALERTS = COLUMNS.filter((column) => column !== 'Alerts');
const SKELETON_ROWS = 5;

/** A quiet dash for "nothing here", read out as `label`. */
export function Nothing({ label }: { label: string }) {
  return (
    <Text component="span" size="sm" c="dimmed">
      <span aria-hidden>—</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Text>
  );
}

export function SessionTime({ session, none }: { session: SessionRef | null; none: string }) {
  const timeZone = usePracticeTimeZone();
  if (!session) return <Nothing label={none} />;
  return (
    <Text component="time" size="sm" dateTime={session.startsAt} title={formatDateTime(session.startsAt, timeZone)} style={{ whiteSpace: 'nowrap' }}>
      {formatShortDateTime(session.startsAt, timeZone)}
    </Text>
  );
}

/**
 * Who broke trust, in a few words: "Jordan broke trust", or "Trust broken on both sides".
 * The full picture (who was hurt, unstated sides) is on the case page.
 */
export function breachHint(participants: CaseSummary['participants']): string | null {
  if (participants.every((participant) => participant.breachRole === 'both')) return 'Trust broken on both sides';
  const broke = participants.filter((participant) => (['broke-trust', 'both'] as BreachRole[]).includes(participant.breachRole));
  return broke.length === 1 ? `${broke[0].displayName} broke trust` : null;
}

function CaseRow({ summary, showAlerts }: { summary: CaseSummary; showAlerts: boolean }) {
  const navigate = useNavigate();
  const href = `/cases/${summary.id}`;
  const hint = breachHint(summary.participants);

  // The whole row opens the case for a mouse; the link in it serves keyboards, screen
  // readers and "open in a new tab". A click on the link itself is left to the link.
  const openCase = (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    void navigate(href);
  };

  return (
    <Table.Tr onClick={openCase} style={{ cursor: 'pointer' }}>
      <Table.Th scope="row" fw={400} miw={220}>
        <Anchor component={Link} to={href} fw={600} size="sm">
          {caseName(summary.participants)}
        </Anchor>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Table.Th>
      <Table.Td>{RELATIONSHIP_TYPE_LABELS[summary.relationshipType]}</Table.Td>
      <Table.Td miw={180}>
        <PhaseBadge phase={summary.phase} />
      </Table.Td>
      <Table.Td miw={100}>
        <CaseStatusBadge status={summary.status} />
      </Table.Td>
      <Table.Td>
        {summary.clinicians.length > 0 ? (
          summary.clinicians.map((clinician) => clinician.name).join(', ')
        ) : (
          <Text component="span" size="sm" c="dimmed">
            Unassigned
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <SessionTime session={summary.nextSession} none="None booked" />
      </Table.Td>
      <Table.Td>
        <SessionTime session={summary.lastSession} none="None yet" />
      </Table.Td>
      {showAlerts && (
        <Table.Td miw={140}>
          {summary.openAlertCount > 0 ? <AlertBadges count={summary.openAlertCount} kinds={summary.alertKinds} /> : <Nothing label="None" />}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function SkeletonRows({ columns }: { columns: readonly string[] }) {
  return Array.from({ length: SKELETON_ROWS }, (_, row) => (
    <Table.Tr key={row}>
      {columns.map((column) => (
        <Table.Td key={column}>
          <Skeleton height={column === 'Participants' ? 32 : 16} radius="sm" />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

interface CaseloadTableProps {
  /** Null while the first page loads: skeleton rows stand in. */
  cases: CaseSummary[] | null;
  /** Rows of the previous search are showing while a new one loads. */
  stale?: boolean;
}

export function CaseloadTable({ cases, stale = false }: CaseloadTableProps) {
  const busy = cases === null || stale;
  const showAlerts = usePermission(Permission.ViewClinicalRecords);
  const columns = showAlerts ? COLUMNS : COLUMNS_WITHOUT_ALERTS;
  return (
    <>
      {!showAlerts && (
        <Text size="sm" c="dimmed" mb="xs">
          Alerts are part of the clinical record, so they are not shown to your role.
        </Text>
      )}
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Cases" aria-busy={busy} style={{ opacity: stale ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases === null ? (
              <SkeletonRows columns={columns} />
            ) : (
              cases.map((summary) => <CaseRow key={summary.id} summary={summary} showAlerts={showAlerts} />)
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
