import { Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { AgreementChecklist } from '../../agreements/components/AgreementChecklist';
import { PolicyPicker } from '../../agreements/components/PolicyPicker';
import { type NewCaseValues } from '../new-case-form';

/** The case's confidentiality policy and the agreements both people sign, for the New case form and the intake. */
export function CaseAgreementFields<Values extends NewCaseValues>({ form }: { form: UseFormReturnType<Values> }) {
  // Both forms hold NewCaseValues' fields; Mantine's path types cannot see that through the generic.
  const fields = form as unknown as UseFormReturnType<NewCaseValues>;
  return (
    <Stack gap="lg">
      <PolicyPicker
        value={fields.values.confidentialityPolicyId}
        onChange={(id) => fields.setFieldValue('confidentialityPolicyId', id)}
        error={fields.errors.confidentialityPolicyId}
        description="What happens with what one person tells you alone. Agreeing it before you start spares both of them a dispute later."
      />
      <AgreementChecklist value={fields.values.agreementIds} onChange={(ids) => fields.setFieldValue('agreementIds', ids)} />
    </Stack>
  );
}
