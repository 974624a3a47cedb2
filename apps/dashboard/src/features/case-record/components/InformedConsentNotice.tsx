import { Alert, Anchor, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { type CaseDetail } from '@trustwork/contracts';
import { Link } from 'react-router';
import { useCaseAgreements } from '../../agreements/hooks/use-case-agreements';
import { caseAgreementsPath } from '../case-record-paths';

/**
 * Says plainly, until both people have signed the informed consent, that they have not: the
 * practice decides whether work goes ahead meanwhile, so nothing is blocked. Said in one line,
 * so the tabs stay near the top; a failed load says nothing here (the Agreements tab says why).
 */
export function InformedConsentNotice({ caseRecord }: { caseRecord: CaseDetail }) {
  const agreements = useCaseAgreements(caseRecord.id);
  if (!agreements.data || agreements.data.informedConsentComplete) return null;
  const names = caseRecord.participants.map((participant) => participant.displayName).join(' and ');
  return (
    <Alert color="yellow" variant="light" icon={<IconSignature size={18} />} py="xs" role="note">
      <Text size="sm">
        {names} have not both signed the informed consent yet.{' '}
        <Anchor component={Link} to={caseAgreementsPath(caseRecord.id)} size="sm">
          See who has signed
        </Anchor>
      </Text>
    </Alert>
  );
}
