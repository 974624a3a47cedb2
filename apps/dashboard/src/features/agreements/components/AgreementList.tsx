import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { AGREEMENT_KIND_LABELS, AGREEMENT_KINDS, type AgreementSummary } from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { LibraryCard, LibraryGridSkeleton } from '../../../components/LibraryCard';
import { LoadFailed } from '../../../components/LoadFailed';
import { inLibraryOrder, policySummary } from '../agreement-wording';
import { useAgreements } from '../hooks/use-agreement-library';
import { type AgreementsView } from '../hooks/use-agreements-view';
import { AgreementBadges } from './AgreementBadges';

function AgreementCard({ agreement, onOpen }: { agreement: AgreementSummary; onOpen: (id: string) => void }) {
  return (
    <LibraryCard title={agreement.title} onOpen={() => onOpen(agreement.id)}>
      <AgreementBadges agreement={agreement} />
      {agreement.policyKind && (
        <Text size="sm" c="dimmed">
          {policySummary(agreement.policyKind)}
        </Text>
      )}
    </LibraryCard>
  );
}

/** The practice's agreements under their kind, built-in ones first. */
export function AgreementList({ view }: { view: AgreementsView }) {
  const agreements = useAgreements(view.query);

  if (agreements.isPending) return <LibraryGridSkeleton label="Loading the agreements…" sections={1} cardHeight={110} />;
  if (agreements.isError) return <LoadFailed title="We couldn't load the agreements" query={agreements} />;
  if (agreements.data.length === 0) {
    return (
      <EmptyState icon={<IconFileText size={22} />} title="No agreements yet">
        <Text>Agreements you write for your practice appear here, beside the ones that come with Trustwork.</Text>
      </EmptyState>
    );
  }

  const ordered = inLibraryOrder(agreements.data);
  const kinds = AGREEMENT_KINDS.filter((kind) => ordered.some((agreement) => agreement.kind === kind));
  return (
    <Stack gap="xl" aria-busy={agreements.isPlaceholderData}>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`agreements-${kind}`}>
          <Title order={2} size="h4" id={`agreements-${kind}`} mb="sm">
            {AGREEMENT_KIND_LABELS[kind]}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {ordered
              .filter((agreement) => agreement.kind === kind)
              .map((agreement) => (
                <AgreementCard key={agreement.id} agreement={agreement} onOpen={view.openAgreement} />
              ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
