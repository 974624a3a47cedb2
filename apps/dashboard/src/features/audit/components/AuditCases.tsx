import { ActionIcon, Anchor, Group, Text, Tooltip } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { type AuditCase } from '@trustwork/contracts';
import { Link } from 'react-router';
import { caseName } from '../../cases/participant-wording';

/** A list can span many cases; the row names this many and counts the rest. */
const NAMED = 2;

interface AuditCasesProps {
  cases: AuditCase[];
  /** Narrows the log to one case; offered on a row about exactly one case, unless the log already is. */
  onShowCase?: (caseId: string) => void;
}

/** The cases of an audit event by their people, from the event itself: the log never opens (and so audits) a case. */
export function AuditCases({ cases, onShowCase }: AuditCasesProps) {
  if (cases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const [only] = cases;
  const rest = cases.length - NAMED;
  return (
    <Group gap={4} wrap="wrap">
      {cases.slice(0, NAMED).map((shown) => (
        <Anchor key={shown.id} component={Link} to={`/cases/${encodeURIComponent(shown.id)}`} size="sm">
          {caseName(shown.participantNames.map((displayName) => ({ displayName })))}
        </Anchor>
      ))}
      {rest > 0 && (
        <Text size="sm" c="dimmed">
          and {rest} more {rest === 1 ? 'case' : 'cases'}
        </Text>
      )}
      {onShowCase && cases.length === 1 && (
        <Tooltip label="Only this case's activity">
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Show only this case's activity" onClick={() => onShowCase(only.id)}>
            <IconFilter size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
