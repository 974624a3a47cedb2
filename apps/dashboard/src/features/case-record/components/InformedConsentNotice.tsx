import { Anchor, Group, Text, ThemeIcon } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { type CaseDetail } from '@trustwork/contracts';
import { Link } from 'react-router';
import { useCaseAgreements } from '../../agreements/hooks/use-case-agreements';
import { caseAgreementsPath } from '../case-record-paths';

/**
 * Says plainly, until both people have signed the informed consent, that they have not: the
 * practice decides whether work goes ahead meanwhile, so nothing is blocked. One line in the
 * header's row of badges, which is there before the agreements load, so the page does not jump
 * when it appears; a failed load says nothing here (the Agreements tab says why).
 */
export function InformedConsentNotice({ caseRecord }: { caseRecord: CaseDetail }) {
  const agreements = useCaseAgreements(caseRecord.id);
  if (!agreements.data || agreements.data.informedConsentComplete) return null;
  const names = caseRecord.participants.map((participant) => participant.displayName).join(' and ');
  return (
    <Group gap={6} wrap="nowrap" role="note">
      <ThemeIcon color="yellow" variant="light" size="sm" aria-hidden>
        <IconSignature size={14} />
      </ThemeIcon>
      <Text size="sm">
        {names} have not both signed the informed consent yet.{' '}
        <Anchor component={Link} to={caseAgreementsPath(caseRecord.id)} size="sm">
          See who has signed
        </Anchor>
      </Text>
    </Group>
  );
}
