import { Badge, Group } from '@mantine/core';
import { type AgreementSummary } from '@trustwork/contracts';
import { sourceText } from '../agreement-wording';

/** Where the agreement comes from, its version, and whether it is archived. */
export function AgreementBadges({ agreement }: { agreement: AgreementSummary }) {
  return (
    <Group gap={6}>
      <Badge variant="light" color={agreement.source === 'built-in' ? 'gray' : 'teal'}>
        {sourceText(agreement)}
      </Badge>
      {agreement.archived && (
        <Badge variant="outline" color="orange">
          Archived
        </Badge>
      )}
    </Group>
  );
}
