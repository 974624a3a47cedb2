import { formatMoney, INVOICE_KIND_LABELS, type InvoiceSummary, type PortalBilling } from '@trustwork/contracts';
import { useEffect, useRef, useState } from 'react';
import { BackButton } from '../components/BackButton';
import { DateField } from '../components/fields';
import { LoadState } from '../components/LoadState';
import { ProblemLine } from '../components/ProblemLine';
import { Screen } from '../components/Screen';
import { formatCalendarDate, today } from '../lib/dates';
import { usePortalDownload } from '../lib/use-portal-download';
import { usePortalLoad } from '../lib/use-portal-load';
import { billingPaths, type BillingPeriod } from '../portal-api';

/** This person's own bills: what they owe, their invoices, and a statement or superbill for a period. Never the other person's. */
export function BillingScreen({ onBack }: { onBack: () => void }) {
  const { loaded, reload } = usePortalLoad<PortalBilling>(billingPaths.summary);
  return (
    <Screen title="Your bills" busy={loaded.state === 'loading'} footer={<BackButton onBack={onBack} />}>
      <LoadState loaded={loaded} onRetry={reload} what="your bills">
        {(billing) =>
          billing.invoices.length === 0 ? (
            <>
              <p className="lead">No bills yet.</p>
              <p className="note">When the practice sends you a bill, you can read and download it here.</p>
            </>
          ) : (
            <>
              <OwedNow billing={billing} />
              <Invoices invoices={billing.invoices} />
              <PeriodDownload
                id="statement"
                heading="A statement"
                explanation="Your bills and payments over a period, with what you owed at the start and at the end."
                action="Download a statement"
                named="statement"
                pathOf={billingPaths.statementPdf}
              />
              <PeriodDownload
                id="superbill"
                heading="A superbill"
                explanation="Your sessions with the codes insurers ask for, so you can claim money back from your health insurance."
                action="Download a superbill"
                named="superbill"
                pathOf={billingPaths.superbillPdf}
              />
              <p className="note">Downloads are saved on this device. If other people use it, delete them once you have kept them somewhere safe.</p>
            </>
          )
        }
      </LoadState>
    </Screen>
  );
}

function OwedNow({ billing }: { billing: PortalBilling }) {
  const outstanding = billing.balance?.outstanding ?? 0;
  const unallocated = billing.balance?.unallocated ?? 0;
  return (
    <section className={outstanding > 0 ? 'card card-attention' : 'card'} aria-labelledby="owed-heading">
      <h2 id="owed-heading">What you owe now</h2>
      <p className="lead">
        <strong>{formatMoney(outstanding, billing.currency)}</strong>
      </p>
      <p>{outstanding > 0 ? 'How to pay is written on each invoice.' : 'Nothing to pay just now.'}</p>
      {unallocated > 0 && (
        <p className="note">You have also paid {formatMoney(unallocated, billing.currency)} that is not on a bill yet. It goes towards your next one.</p>
      )}
    </section>
  );
}

function Invoices({ invoices }: { invoices: InvoiceSummary[] }) {
  const { downloading, status, problem, download } = usePortalDownload();
  return (
    <section aria-labelledby="invoices-heading">
      <h2 id="invoices-heading">Your invoices</h2>
      <ul className="plain-list">
        {invoices.map((invoice) => {
          const kind = INVOICE_KIND_LABELS[invoice.kind];
          const number = invoice.number ?? '';
          const named = `${kind.toLowerCase()} ${number}`;
          return (
            <li key={invoice.id} className="card">
              <h3>
                {kind} {number}
              </h3>
              <p>
                {invoice.issuedOn && `Issued ${formatCalendarDate(invoice.issuedOn)}. `}
                Total {formatMoney(invoice.total, invoice.currency)}
              </p>
              {invoice.kind === 'invoice' && <PaidOrOwed invoice={invoice} />}
              {/* The visible word starts the spoken name, which adds which invoice it saves. */}
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Download ${named} (PDF)`}
                disabled={downloading}
                onClick={() => void download(billingPaths.invoicePdf(invoice.id), `${kind} ${number}.pdf`, named)}
              >
                Download
              </button>
            </li>
          );
        })}
      </ul>
      <p className="note" role="status">
        {status}
      </p>
      <ProblemLine problem={problem} />
    </section>
  );
}

function PaidOrOwed({ invoice }: { invoice: InvoiceSummary }) {
  // Fully credited, nothing paid: "Paid" would say money changed hands.
  if (invoice.outstanding <= 0) return <p className="tag">{invoice.paid > 0 ? 'Paid' : 'Nothing owed'}</p>;
  return <p className="tag tag-due">Owed {formatMoney(invoice.outstanding, invoice.currency)}</p>;
}

interface PeriodDownloadProps {
  id: string;
  heading: string;
  explanation: string;
  action: string;
  /** What the PDF is called in the status line: "statement". */
  named: string;
  pathOf: (period: BillingPeriod) => string;
}

/** A PDF over a period the person chooses: this year so far unless they change the dates. */
function PeriodDownload({ id, heading, explanation, action, named, pathOf }: PeriodDownloadProps) {
  const [period, setPeriod] = useState<BillingPeriod>(() => ({ from: `${today().slice(0, 4)}-01-01`, to: today() }));
  const [checked, setChecked] = useState(false);
  // Counts refused taps: each moves focus to the first date to change, which reads out its error.
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const { downloading, status, problem, download } = usePortalDownload();
  const errors = periodErrors(period);
  const shown = checked ? errors : {};

  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const submit = () => {
    setChecked(true);
    if (errors.from || errors.to) {
      setRefusals((count) => count + 1);
      return;
    }
    void download(pathOf(period), `Your ${named} ${period.from} to ${period.to}.pdf`, named);
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{explanation}</p>
      <form
        ref={form}
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DateField label="From" value={period.from} error={shown.from} onChange={(from) => setPeriod((current) => ({ ...current, from }))} />
        <DateField label="To" value={period.to} error={shown.to} onChange={(to) => setPeriod((current) => ({ ...current, to }))} />
        <button type="submit" className="button" disabled={downloading}>
          {action}
        </button>
      </form>
      <p className="note" role="status">
        {status}
      </p>
      <ProblemLine problem={problem} />
    </section>
  );
}

function periodErrors({ from, to }: BillingPeriod): { from?: string; to?: string } {
  if (!from) return { from: 'Choose the first day.' };
  if (!to) return { to: 'Choose the last day.' };
  return from > to ? { to: 'Choose a last day on or after the first day.' } : {};
}
