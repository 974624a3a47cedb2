import { Checkbox, Loader, Stack, Text } from '@mantine/core';
import { AGREEMENT_KIND_LABELS, AgreementKind } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { inLibraryOrder, SOURCE_LABELS } from '../agreement-wording';
import { useAgreements } from '../hooks/use-agreement-library';

interface AgreementChecklistProps {
  /** The chosen agreements' ids. */
  value: string[];
  onChange: (agreementIds: string[]) => void;
  label?: string;
  description?: string;
}

/** The agreements besides the confidentiality policy that both people are asked to sign. */
export function AgreementChecklist({
  value,
  onChange,
  label = 'Agreements to sign',
  description = 'Each person signs their own copy in the portal. The confidentiality policy is added for you.',
}: AgreementChecklistProps) {
  const agreements = useAgreements();
  if (agreements.isError) return <LoadFailed title="We couldn't load your agreements" query={agreements} />;
  const choices = inLibraryOrder((agreements.data ?? []).filter((agreement) => agreement.kind !== AgreementKind.Confidentiality));
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={onChange}>
      {agreements.isPending ? (
        <Text size="sm" c="dimmed" role="status" mt="xs">
          <Loader size="xs" mr="xs" aria-hidden />
          Loading your agreements…
        </Text>
      ) : choices.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          There are no other agreements to choose from.
        </Text>
      ) : (
        <Stack gap="sm" mt="xs">
          {choices.map((agreement) => (
            <Checkbox
              key={agreement.id}
              value={agreement.id}
              label={agreement.title}
              description={`${AGREEMENT_KIND_LABELS[agreement.kind]} · ${SOURCE_LABELS[agreement.source]}`}
            />
          ))}
        </Stack>
      )}
    </Checkbox.Group>
  );
}
