import { useState, type FormEvent } from 'react';
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CaseAgreements } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useFormErrorFocus } from '../../../components/use-form-error-focus';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useSetCaseAgreements } from '../hooks/use-case-agreements';
import { AgreementChecklist } from './AgreementChecklist';

interface ChooseAgreementsFormProps {
  caseId: string;
  agreements: CaseAgreements;
  onDone: () => void;
}

function ChooseAgreementsForm({ caseId, agreements, onDone }: ChooseAgreementsFormProps) {
  // The policy's own agreement comes with the policy, so it is not among the choices.
  const [chosen, setChosen] = useState(() => agreements.agreements.filter((agreement) => !agreement.fromPolicy).map((agreement) => agreement.agreementId));
  const save = useSetCaseAgreements();
  const send = useMutateOnce(save);
  const { formRef } = useFormErrorFocus(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(
      { caseId, request: { agreementIds: chosen } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Agreements saved', message: 'Each person is asked to sign what they have not signed yet.' });
          onDone();
        },
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit}>
      <Stack>
        <FormAlert title="We couldn't save the agreements" messages={save.error ? [save.error.message] : []} />
        <AgreementChecklist
          label="Agreements both people sign"
          description="Each person signs their own copy in the portal. The confidentiality policy's agreement is always included."
          value={chosen}
          onChange={setChosen}
        />
        <FormActions submitLabel="Save agreements" saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface CaseAgreementsModalProps extends Omit<ChooseAgreementsFormProps, 'onDone'> {
  opened: boolean;
  onClose: () => void;
}

/** Which of the practice's agreements both people of the case sign, besides the policy. */
export function CaseAgreementsModal({ caseId, agreements, opened, onClose }: CaseAgreementsModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Choose agreements" size="lg" centered>
      {/* Mounted on opening, so the choice starts from the case's agreements as they are now. */}
      <ChooseAgreementsForm caseId={caseId} agreements={agreements} onDone={onClose} />
    </Modal>
  );
}
