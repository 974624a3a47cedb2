import { type ReactNode } from 'react';
import { Loader, Radio, Stack, Text } from '@mantine/core';
import { AgreementKind } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { inLibraryOrder, policySummary } from '../agreement-wording';
import { useAgreements } from '../hooks/use-agreement-library';

interface PolicyPickerProps {
  /** The chosen confidentiality agreement's id; null until one is chosen. */
  value: string | null;
  onChange: (agreementId: string) => void;
  error?: ReactNode;
  label?: string;
  description?: ReactNode;
}

const CONFIDENTIALITY_QUERY = { kind: AgreementKind.Confidentiality };

/** Which confidentiality policy a case works under: the built-in ones and the practice's own. */
export function PolicyPicker({ value, onChange, error, label = 'Confidentiality policy', description }: PolicyPickerProps) {
  const policies = useAgreements(CONFIDENTIALITY_QUERY);
  if (policies.isError) return <LoadFailed title="We couldn't load the confidentiality policies" query={policies} />;
  return (
    <Radio.Group label={label} description={description} required value={value} onChange={onChange} error={error}>
      {policies.isPending ? (
        <Text size="sm" c="dimmed" role="status" mt="xs">
          <Loader size="xs" mr="xs" aria-hidden />
          Loading the policies…
        </Text>
      ) : (
        <Stack gap="sm" mt="xs">
          {inLibraryOrder(policies.data).map((policy) => (
            <Radio
              key={policy.id}
              value={policy.id}
              label={policy.title}
              description={policySummary(policy.policyKind)}
            />
          ))}
        </Stack>
      )}
    </Radio.Group>
  );
}
