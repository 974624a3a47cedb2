import { List, Text } from '@mantine/core';
import { type SessionBrief } from '@trustwork/contracts';
import { caseAgreementsPath } from '../../case-record/case-record-paths';
import { BriefSection } from './BriefSection';

/** The case's agreements someone has still to sign, and who; left out once everything is signed. */
export function BriefAgreements({ brief }: { brief: SessionBrief }) {
  if (brief.unsignedAgreements.length === 0) return null;
  return (
    <BriefSection title="Agreements not signed" link={{ to: caseAgreementsPath(brief.caseId), label: 'Open the Agreements tab' }}>
      <List spacing="xs" size="sm">
        {brief.unsignedAgreements.map((agreement) => (
          <List.Item key={agreement.agreementId}>
            <Text size="sm" span fw={500}>
              {agreement.title}
            </Text>
            <Text size="sm" span>
              : not signed yet by {agreement.participants.map((person) => person.displayName).join(' and ')}
            </Text>
          </List.Item>
        ))}
      </List>
    </BriefSection>
  );
}
