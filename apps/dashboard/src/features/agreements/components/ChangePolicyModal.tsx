import { Alert, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSignature } from '@tabler/icons-react';
import { POLICY_CHANGE_REASON_MAX, type CaseDetail, type ConfidentialityPolicy } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { caseName } from '../../cases/participant-wording';
import { useChangeConfidentialityPolicy } from '../hooks/use-case-agreements';
import { PolicyPicker } from './PolicyPicker';

const API_FIELDS = ['agreementId', 'reason'] as const;

interface PolicyValues {
  agreementId: string | null;
  reason: string;
}

interface ChangePolicyFormProps {
  caseRecord: CaseDetail;
  /** The policy the case works under now; null when none is chosen yet. */
  policy: ConfidentialityPolicy | null;
  onDone: () => void;
}

function ChangePolicyForm({ caseRecord, policy, onDone }: ChangePolicyFormProps) {
  const change = useChangeConfidentialityPolicy();
  const send = useMutateOnce(change);
  const form = useForm<PolicyValues>({
    initialValues: { agreementId: policy?.agreementId ?? null, reason: '' },
    validate: {
      agreementId: (value) => {
        if (!value) return 'Choose a policy.';
        return value === policy?.agreementId ? 'This is the policy the case works under now: choose another.' : null;
      },
      reason: (value) => {
        if (!policy) return null;
        if (!value.trim()) return 'Say why the policy changes: the reason is kept in the case’s history.';
        return value.trim().length > POLICY_CHANGE_REASON_MAX ? `Use at most ${POLICY_CHANGE_REASON_MAX} characters.` : null;
      },
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit(({ agreementId, reason }) => {
    if (!agreementId) return;
    apiErrors.clear();
    send(
      { caseId: caseRecord.id, request: policy ? { agreementId, reason: reason.trim() } : { agreementId } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: policy ? 'Policy changed' : 'Policy chosen',
            message: `The case now works under the ${saved.policy?.name ?? 'new policy'}.`,
          });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't change the policy" messages={apiErrors.messages} />
        <PolicyPicker
          label="Policy"
          description="What happens to what one person tells you alone."
          value={form.getValues().agreementId}
          onChange={(agreementId) => form.setFieldValue('agreementId', agreementId)}
          error={form.errors.agreementId}
        />
        {policy && (
          <Textarea
            label="Why it changes"
            description="Kept in the case’s history with your name."
            required
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('reason')}
          />
        )}
        <Alert color="blue" variant="light" icon={<IconSignature />} role="note">
          {caseName(caseRecord.participants)} will both be asked in their portal to sign{' '}
          {policy ? 'the new policy, even if they signed the old one' : 'the policy you choose'}.
        </Alert>
        <FormActions submitLabel={policy ? 'Change policy' : 'Choose policy'} saving={change.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface ChangePolicyModalProps extends Omit<ChangePolicyFormProps, 'onDone'> {
  opened: boolean;
  onClose: () => void;
}

/** Choose the case's confidentiality policy, or change it with a reason; both people then sign it. */
export function ChangePolicyModal({ caseRecord, policy, opened, onClose }: ChangePolicyModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={policy ? 'Change the confidentiality policy' : 'Choose a confidentiality policy'} size="lg" centered>
      {/* Mounted on opening, so the form starts from the policy as it is now. */}
      <ChangePolicyForm caseRecord={caseRecord} policy={policy} onDone={onClose} />
    </Modal>
  );
}
