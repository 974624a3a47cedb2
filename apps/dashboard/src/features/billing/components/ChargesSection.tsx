import { useState } from 'react';
import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReceipt } from '@tabler/icons-react';
import { type Charge } from '@trustwork/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { formatCalendarDate } from '../../../lib/practice-time';
import { useCharges, useDeleteCharge } from '../hooks/use-case-billing';
import { RecordTable } from './BillingSection';
import { CaseListSection } from './CaseListSection';
import { ChargeFormModal } from './ChargeFormModal';
import { Money } from './Money';
import { useCasePayers } from './PayerSelect';

/** Where a charge stands: waiting for an invoice, on a draft, or on an issued invoice (then it never changes). */
function chargeStatus(charge: Charge): string {
  if (charge.locked) return `On ${charge.invoiceNumber}`;
  return charge.invoiceId ? 'On draft' : 'Not invoiced';
}

const CHARGE_COLUMNS = ['Date', 'Description', 'CPT', 'Payer', { label: 'Amount', amount: true }, 'Status'] as const;

type Dialog = { kind: 'edit'; charge: Charge | null } | { kind: 'remove'; charge: Charge } | null;

/** Everything charged on the case: sessions, fees, charges and adjustments added by hand. */
export function ChargesSection({ caseId }: { caseId: string }) {
  const charges = useCharges(caseId);
  const { payers } = useCasePayers(caseId);
  const remove = useDeleteCharge(caseId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const payerName = (payerId: string) => payers.find((payer) => payer.id === payerId)?.name ?? '—';

  return (
    <>
      <CaseListSection
        title="Charges"
        query={charges}
        loadFailedTitle="We couldn't load the charges"
        addLabel="Add charge"
        onAdd={() => setDialog({ kind: 'edit', charge: null })}
        empty={{
          icon: <IconReceipt size={22} />,
          title: 'No charges yet',
          text: 'A completed session is charged from its service. Add a fee, a charge or an adjustment by hand with Add charge.',
        }}
      >
        {(loaded) => (
          <ChargesTable
            charges={loaded}
            payerName={payerName}
            onEdit={(charge) => setDialog({ kind: 'edit', charge })}
            onRemove={(charge) => setDialog({ kind: 'remove', charge })}
          />
        )}
      </CaseListSection>
      <ChargeFormModal caseId={caseId} opened={dialog?.kind === 'edit'} charge={dialog?.kind === 'edit' ? dialog.charge : null} onClose={close} />
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          opened
          onClose={close}
          title={`Remove ${dialog.charge.description}?`}
          confirmLabel="Remove charge"
          mutation={remove}
          variables={dialog.charge.id}
          onConfirmed={() => notifications.show({ color: 'teal', title: 'Charge removed', message: dialog.charge.description })}
          errorTitle="We couldn't remove the charge"
        >
          <Text>
            {dialog.charge.invoiceId ? 'It comes off its draft invoice too. ' : ''}
            The removal is kept in the audit log.
          </Text>
        </ConfirmModal>
      )}
    </>
  );
}

interface ChargesTableProps {
  charges: Charge[];
  payerName: (payerId: string) => string;
  onEdit: (charge: Charge) => void;
  onRemove: (charge: Charge) => void;
}

function ChargesTable({ charges, payerName, onEdit, onRemove }: ChargesTableProps) {
  return (
    <RecordTable label="Charges" columns={CHARGE_COLUMNS} minWidth={820}>
      {charges.map((charge) => (
        <Table.Tr key={charge.id}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(charge.serviceDate)}</Table.Td>
          <Table.Th scope="row" fw={500}>
            {charge.description}
          </Table.Th>
          <Table.Td>{charge.cptCode ?? '—'}</Table.Td>
          <Table.Td>{payerName(charge.payerId)}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            <Money amount={charge.amount} />
          </Table.Td>
          <Table.Td>{chargeStatus(charge)}</Table.Td>
          <Table.Td>
            {!charge.locked && (
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="default" onClick={() => onEdit(charge)}>
                  Edit <VisuallyHidden>{charge.description}</VisuallyHidden>
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(charge)}>
                  Remove <VisuallyHidden>{charge.description}</VisuallyHidden>
                </Button>
              </Group>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}
