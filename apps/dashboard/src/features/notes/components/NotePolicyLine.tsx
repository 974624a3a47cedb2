import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import { type ConfidentialityPolicy } from '@trustwork/contracts';
import { Link } from 'react-router';
import { caseAgreementsPath } from '../../case-record/case-record-paths';

interface NotePolicyLineProps {
  caseId: string;
  /** The case's confidentiality policy; null when none is chosen yet. */
  policy: ConfidentialityPolicy | null;
  /** Whom the note is about; null for a joint note, which needs no reminder. */
  aboutParticipantId: string | null;
}

/**
 * Beside a note about one person, what the case agreed about what one person says alone, so the
 * therapist writes with it in mind. Announced as it appears, when the choice of person changes.
 */
export function NotePolicyLine({ caseId, policy, aboutParticipantId }: NotePolicyLineProps) {
  return (
    <div aria-live="polite">
      {aboutParticipantId &&
        (policy ? (
          <Alert color="grape" variant="light" icon={<IconShieldLock size={18} />} py="xs" role="note">
            <Text size="sm">
              This case works under the {policy.name}: {policy.summary}
            </Text>
          </Alert>
        ) : (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py="xs" role="note">
            <Text size="sm">
              This case has no confidentiality policy yet, so nothing agreed says what happens to what one person tells
              you alone.{' '}
              <Anchor component={Link} to={caseAgreementsPath(caseId)} size="sm">
                Choose a policy
              </Anchor>
            </Text>
          </Alert>
        ))}
    </div>
  );
}
