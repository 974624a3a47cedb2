import { useId, useState } from 'react';
import { Button, Drawer, Group, List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMail, IconReceiptRefund } from '@tabler/icons-react';
import { PAYMENT_METHOD_LABELS, type Invoice, type MinorUnits } from '@trustwork/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { LoadFailed } from '../../../components/LoadFailed';
import { SectionLoader } from '../../../components/Loading';
import { formatCalendarDate, formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { exportFileName } from '../../case-record/download-json';
import { useDeleteInvoice, useDownloadInvoicePdf, useEmailInvoice, useInvoice, useIssueInvoice } from '../hooks/use-invoices';
import { CreditNoteModal } from './CreditNoteModal';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { Money } from './Money';

/** The invoice's number as printed, or what it is while it has none. */
export function invoiceTitle(invoice: Pick<Invoice, 'kind' | 'number'>): string {
  if (invoice.number) return invoice.number;
  return invoice.kind === 'credit-note' ? 'Draft credit note' : 'Draft invoice';
}

function InvoiceLines({ invoice }: { invoice: Invoice }) {
  const totals: [string, MinorUnits][] = [['Total', invoice.total]];
  if (invoice.kind === 'invoice' && invoice.status === 'issued') {
    totals.push(['Credited', -invoice.credited], ['Paid', -invoice.paid], ['Owed', invoice.outstanding]);
  }
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Description</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.lines.map((line) => (
          <Table.Tr key={line.chargeId}>
            <Table.Td>{formatCalendarDate(line.serviceDate)}</Table.Td>
            <Table.Td>
              {line.description}
              {line.cptCode && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  (CPT {line.cptCode})
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Money amount={line.amount} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        {totals.map(([label, amount]) => (
          <Table.Tr key={label}>
            <Table.Th colSpan={2} scope="row" ta="right">
              {label}
            </Table.Th>
            <Table.Td ta="right" fw={600}>
              <Money amount={amount} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tfoot>
    </Table>
  );
}

/** Credit notes and payments against the invoice, each with its date. */
function InvoiceHistory({ invoice }: { invoice: Invoice }) {
  if (invoice.creditNotes.length === 0 && invoice.payments.length === 0) return null;
  return (
    <List size="sm" spacing={4} aria-label="Credit notes and payments">
      {invoice.creditNotes.map((note) => (
        <List.Item key={note.id}>
          Credit note {note.number}, {formatCalendarDate(note.issuedOn)}: <Money amount={note.total} />
        </List.Item>
      ))}
      {invoice.payments.map((payment) => (
        <List.Item key={payment.paymentId}>
          {PAYMENT_METHOD_LABELS[payment.method]} received {formatCalendarDate(payment.receivedOn)}: <Money amount={payment.amount} />
        </List.Item>
      ))}
    </List>
  );
}

/** Issue or delete a draft. */
function DraftActions({ caseId, invoice, onDeleted }: { caseId: string; invoice: Invoice; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState<'issue' | 'delete' | null>(null);
  const issue = useIssueInvoice(caseId);
  const remove = useDeleteInvoice(caseId);
  return (
    <>
      <Group>
        <Button onClick={() => setConfirming('issue')}>Issue</Button>
        <Button variant="default" color="red" onClick={() => setConfirming('delete')}>
          Delete draft
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming === 'issue'}
        onClose={() => setConfirming(null)}
        title="Issue invoice"
        confirmLabel="Issue invoice"
        color="blue"
        mutation={issue}
        variables={invoice.id}
        errorTitle="We couldn't issue the invoice"
        onConfirmed={(issued) => notifications.show({ color: 'teal', title: `Invoice ${issued.number ?? ''} issued`, message: `For ${issued.payer.name}.` })}
      >
        <Text>
          The invoice to {invoice.payer.name} is given its number now, and can no longer be changed. To correct it afterwards, issue a
          credit note.
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'delete'}
        onClose={() => setConfirming(null)}
        title="Delete this draft?"
        confirmLabel="Delete draft"
        mutation={remove}
        variables={invoice.id}
        errorTitle="We couldn't delete the draft"
        onConfirmed={() => {
          notifications.show({ color: 'teal', title: 'Draft deleted', message: 'Its charges are waiting to be invoiced again.' });
          onDeleted();
        }}
      >
        <Text>Its charges go back to waiting to be invoiced. Nothing was sent to {invoice.payer.name}.</Text>
      </ConfirmModal>
    </>
  );
}

/** Download, e-mail or correct an issued invoice (a credit note can only be downloaded). */
function IssuedActions({ caseId, invoice }: { caseId: string; invoice: Invoice }) {
  const emailReasonId = useId();
  const [crediting, setCrediting] = useState(false);
  const download = useDownloadInvoicePdf();
  const sendDownload = useMutateOnce(download);
  const email = useEmailInvoice(caseId);
  const sendEmail = useMutateOnce(email);
  const payerEmail = invoice.payerDetails.email;
  const title = invoiceTitle(invoice);

  const save = () =>
    sendDownload(
      { request: invoice.id, fileName: exportFileName(`${title} ${invoice.payer.name}`, invoice.issuedOn ?? '', 'pdf') },
      { onError: (error) => notifications.show({ color: 'red', title: `We couldn't download ${title}`, message: error.message }) },
    );
  const mail = () =>
    sendEmail(invoice.id, {
      onSuccess: () => notifications.show({ color: 'teal', title: `${title} e-mailed`, message: `Sent to ${payerEmail ?? invoice.payer.name}.` }),
      onError: (error) => notifications.show({ color: 'red', title: `We couldn't e-mail ${title}`, message: error.message }),
    });

  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={download.isPending} onClick={save}>
          Download PDF
        </Button>
        {invoice.kind === 'invoice' && (
          <>
            <Button
              variant="default"
              leftSection={<IconMail size={16} aria-hidden />}
              loading={email.isPending}
              disabled={!payerEmail}
              aria-describedby={payerEmail ? undefined : emailReasonId}
              onClick={mail}
            >
              E-mail to payer
            </Button>
            <Button variant="default" leftSection={<IconReceiptRefund size={16} aria-hidden />} onClick={() => setCrediting(true)}>
              Credit note
            </Button>
          </>
        )}
      </Group>
      {invoice.kind === 'invoice' && !payerEmail && (
        <Text size="sm" c="dimmed" id={emailReasonId}>
          {invoice.payer.name} has no e-mail address to send it to.
        </Text>
      )}
      {invoice.emailedAt && <EmailedAt emailedAt={invoice.emailedAt} />}
      <CreditNoteModal caseId={caseId} invoice={invoice} opened={crediting} onClose={() => setCrediting(false)} />
    </Stack>
  );
}

function EmailedAt({ emailedAt }: { emailedAt: string }) {
  const timeZone = usePracticeTimeZone();
  return (
    <Text size="sm" c="dimmed">
      Last e-mailed {formatDateTime(emailedAt, timeZone)}.
    </Text>
  );
}

function InvoiceDetails({ caseId, invoiceId, onClose }: { caseId: string; invoiceId: string; onClose: () => void }) {
  const invoice = useInvoice(caseId, invoiceId);
  if (invoice.isPending) return <SectionLoader />;
  if (invoice.isError) return <LoadFailed title="We couldn't load the invoice" query={invoice} />;
  const { data } = invoice;
  return (
    <Stack>
      <Group gap="sm">
        <InvoiceStatusBadge invoice={data} />
        <Text>To {data.payer.name}</Text>
      </Group>
      {data.issuedOn && (
        <Text size="sm">
          Issued {formatCalendarDate(data.issuedOn)}
          {data.dueOn && `, due ${formatCalendarDate(data.dueOn)}`}
        </Text>
      )}
      {data.corrects && <Text size="sm">Corrects invoice {data.corrects.number}.</Text>}
      {data.reason && <Text size="sm">Reason: {data.reason}</Text>}
      <InvoiceLines invoice={data} />
      <InvoiceHistory invoice={data} />
      {data.status === 'draft' ? <DraftActions caseId={caseId} invoice={data} onDeleted={onClose} /> : <IssuedActions caseId={caseId} invoice={data} />}
    </Stack>
  );
}

interface InvoiceDrawerProps {
  caseId: string;
  /** The invoice to show; null while closed. */
  invoiceId: string | null;
  onClose: () => void;
}

/** One invoice as it will print, with what can be done with it next. */
export function InvoiceDrawer({ caseId, invoiceId, onClose }: InvoiceDrawerProps) {
  return (
    <Drawer opened={invoiceId !== null} onClose={onClose} position="right" size="xl" title={invoiceId && <DrawerTitle caseId={caseId} invoiceId={invoiceId} />}>
      {invoiceId && <InvoiceDetails caseId={caseId} invoiceId={invoiceId} onClose={onClose} />}
    </Drawer>
  );
}

/** The number once it has loaded (the same query as the details, so one request). */
function DrawerTitle({ caseId, invoiceId }: { caseId: string; invoiceId: string }) {
  const invoice = useInvoice(caseId, invoiceId);
  return <>{invoice.data ? invoiceTitle(invoice.data) : 'Invoice'}</>;
}
