import { useState } from 'react';
import { Button, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ClinicianCredentials } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateNpi } from '../billing-validation';
import { useClinicianCredentials, useUpdateClinicianCredentials } from '../hooks/use-billing-settings';
import { BillingSection, QueryContent, RecordTable } from './BillingSection';

const API_FIELDS = ['licence', 'npi'] as const;
const NOT_GIVEN = (
  <Text span c="dimmed" size="sm">
    Not given
  </Text>
);

/** Each clinician's licence and NPI, printed on the superbills of the sessions they held. */
export function ClinicianCredentialsSection() {
  const clinicians = useClinicianCredentials();
  const [editing, setEditing] = useState<ClinicianCredentials | null>(null);

  return (
    <BillingSection title="Clinicians' credentials" order={2} description="Printed on superbills, so clients can claim from their insurer.">
      <QueryContent query={clinicians} what="the clinicians" skeletonHeight={120}>
        {(loaded) =>
          loaded.length === 0 ? (
            <Text c="dimmed">No one in the practice takes cases yet.</Text>
          ) : (
            <RecordTable label="Clinicians' credentials" columns={['Name', 'Licence', 'NPI']} minWidth={560}>
              {loaded.map((clinician) => (
                <Table.Tr key={clinician.userId}>
                  <Table.Th scope="row" fw={500}>
                    {clinician.name}
                  </Table.Th>
                  <Table.Td>{clinician.licence ?? NOT_GIVEN}</Table.Td>
                  <Table.Td>{clinician.npi ?? NOT_GIVEN}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" onClick={() => setEditing(clinician)}>
                      Edit <VisuallyHidden>{`${clinician.name}'s credentials`}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
          )
        }
      </QueryContent>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `${editing.name}'s credentials` : ''} centered>
        {editing && <CredentialsForm clinician={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </BillingSection>
  );
}

function CredentialsForm({ clinician, onDone }: { clinician: ClinicianCredentials; onDone: () => void }) {
  const save = useUpdateClinicianCredentials();
  const send = useMutateOnce(save);
  const form = useForm({
    initialValues: { licence: clinician.licence ?? '', npi: clinician.npi ?? '' },
    validate: { npi: validateNpi },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    send(
      { userId: clinician.userId, request: { licence: values.licence.trim() || null, npi: values.npi.trim() || null } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'Credentials saved', message: saved.name });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the credentials" messages={apiErrors.messages} />
        <TextInput label="Licence" description='Type, number and state as printed, e.g. "LMFT 12345, CA". Leave it blank for none.' {...form.getInputProps('licence')} />
        <TextInput label="NPI" description="The clinician's own ten-digit National Provider Identifier." inputMode="numeric" {...form.getInputProps('npi')} />
        <FormActions submitLabel="Save credentials" saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
