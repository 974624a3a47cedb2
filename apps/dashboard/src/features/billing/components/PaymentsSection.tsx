import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { PAYMENT_METHOD_LABELS, type Payment } from '@trustwork/contracts';
import { formatCalendarDate } from '../../../lib/practice-time';
import { useCasePayments } from '../hooks/use-payments';
import { CaseListSection } from './CaseListSection';
import { Money } from './Money';
import { RecordPaymentModal } from './RecordPaymentModal';
import { refundable, RefundModal } from './RefundModal';

/** The invoices a payment went to, and what of it is on account. */
function PaymentUse({ payment }: { payment: Payment }) {
  if (payment.allocations.length === 0 && payment.unallocated === 0) return <>—</>;
  return (
    <Stack gap={0}>
      {payment.allocations.map((allocation) => (
        <Text key={allocation.invoiceId} size="sm">
          {allocation.invoiceNumber}: <Money amount={allocation.amount} />
        </Text>
      ))}
      {payment.unallocated > 0 && (
        <Text size="sm" c="dimmed">
          On account: <Money amount={payment.unallocated} />
        </Text>
      )}
    </Stack>
  );
}

function PaymentsTable({ payments, onRefund }: { payments: Payment[]; onRefund: (payment: Payment) => void }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received on</Table.Th>
            <Table.Th>Payer</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>On invoices</Table.Th>
            <Table.Th ta="right">Refunded</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((payment) => {
            const isRefund = payment.kind === 'refund';
            return (
              <Table.Tr key={payment.id}>
                <Table.Td>{formatCalendarDate(payment.receivedOn)}</Table.Td>
                <Table.Td>{payment.payer.name}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {isRefund && (
                      <Badge color="orange" variant="light">
                        Refund
                      </Badge>
                    )}
                    {PAYMENT_METHOD_LABELS[payment.method]}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  {/* A refund is money going out, whichever sign it is stored with. */}
                  <Money amount={isRefund ? -Math.abs(payment.amount) : payment.amount} />
                </Table.Td>
                <Table.Td>{payment.reference ?? '—'}</Table.Td>
                <Table.Td>
                  <PaymentUse payment={payment} />
                </Table.Td>
                <Table.Td ta="right">{isRefund ? '—' : <Money amount={payment.refunded} />}</Table.Td>
                <Table.Td>
                  {!isRefund && refundable(payment) > 0 && (
                    <Button size="xs" variant="default" onClick={() => onRefund(payment)}>
                      Refund
                      <VisuallyHidden>{` from ${payment.payer.name}’s payment of ${formatCalendarDate(payment.receivedOn)}`}</VisuallyHidden>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Money received on the case and given back, with the invoices each payment went to. */
export function PaymentsSection({ caseId }: { caseId: string }) {
  const payments = useCasePayments(caseId);
  const [recording, setRecording] = useState(false);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  return (
    <>
      <CaseListSection
        title="Payments"
        query={payments}
        loadFailedTitle="We couldn't load the payments"
        addLabel="Record payment"
        onAdd={() => setRecording(true)}
        empty={{ icon: <IconCash />, title: 'No payments yet', text: 'Record money as it arrives: cash, a cheque, a bank transfer or a card taken elsewhere.' }}
      >
        {(items) => <PaymentsTable payments={items} onRefund={setRefunding} />}
      </CaseListSection>
      <RecordPaymentModal caseId={caseId} opened={recording} onClose={() => setRecording(false)} />
      <RefundModal caseId={caseId} payment={refunding} onClose={() => setRefunding(null)} />
    </>
  );
}
