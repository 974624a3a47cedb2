import { Injectable } from '@nestjs/common';
import {
  AGING_BUCKETS,
  AuditRecordType,
  DEFAULT_PAGE_SIZE,
  type AgingAmounts,
  type AgingBucketKey,
  type AgingReport,
  type InvoiceSummary,
  type Page,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { PracticeScope } from '../database/practice-scope';
import { agingCsv } from './billing-reports.csv';
import { outstandingInvoices, reportDay, type OutstandingInvoice } from './billing-reports.queries';
import { invoiceSummaries, withoutSortKey } from './invoices.queries';
import type { PracticeInvoicesQueryDto } from './dto/practice-invoices-query.dto';

/** The bucket of AGING_BUCKETS an invoice issued `days` ago falls in. */
export function agingBucketOf(days: number): (typeof AGING_BUCKETS)[number] {
  return AGING_BUCKETS.find((bucket) => days >= bucket.minDays && (bucket.maxDays === null || days <= bucket.maxDays)) ?? AGING_BUCKETS[0];
}

const noAmounts = (): AgingAmounts => ({ ...(Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket.key, 0])) as Record<AgingBucketKey, number>), total: 0 });

function addTo(amounts: AgingAmounts, invoice: OutstandingInvoice): void {
  amounts[agingBucketOf(invoice.days).key] += invoice.outstanding;
  amounts.total += invoice.outstanding;
}

/** What the practice is owed and by whom (aging, as JSON and CSV), and its invoices across every case. */
@Injectable()
export class BillingReportsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  async aging(user: AuthenticatedUser, asOf?: string): Promise<AgingReport> {
    const { day, currency, invoices } = await this.outstanding(user, asOf);
    const totals = noAmounts();
    const payers = new Map<string, AgingReport['payers'][number]>();
    for (const invoice of invoices) {
      const row = payers.get(invoice.payer.id) ?? { ...noAmounts(), payer: invoice.payer, caseName: invoice.caseName };
      addTo(row, invoice);
      addTo(totals, invoice);
      payers.set(invoice.payer.id, row);
    }
    const rows = [...payers.values()].sort((a, b) => b.total - a.total || a.caseName.localeCompare(b.caseName));
    // The report names who owes what: one list read naming each payer shown.
    await this.audit.recordList(user.practiceId, {
      action: 'payer.list',
      recordType: AuditRecordType.Payer,
      recordIds: rows.map((row) => row.payer.id),
      caseIds: rows.map((row) => row.payer.caseId),
    });
    return { asOf: day, currency, totals, payers: rows };
  }

  /** The same invoices, one row each, for a spreadsheet; downloading it is an export of each invoice listed. */
  async agingCsv(user: AuthenticatedUser, asOf?: string): Promise<{ fileName: string; csv: string }> {
    const { day, currency, invoices } = await this.outstanding(user, asOf);
    await this.audit.recordList(user.practiceId, {
      action: 'invoice.export',
      recordType: AuditRecordType.Invoice,
      recordIds: invoices.map((invoice) => invoice.id),
      caseIds: invoices.map((invoice) => invoice.caseId),
    });
    return { fileName: `outstanding-${day}.csv`, csv: agingCsv(invoices, currency, (days) => agingBucketOf(days).label) };
  }

  /** Every case's invoices and credit notes, newest first, for the Billing page. */
  async invoices(user: AuthenticatedUser, query: PracticeInvoicesQueryDto): Promise<Page<InvoiceSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 'timestamptz');
    const rows = await invoiceSummaries(this.scope.manager, { practiceId: user.practiceId, status: query.status, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    await this.audit.recordList(user.practiceId, {
      action: 'invoice.list',
      recordType: AuditRecordType.Invoice,
      recordIds: page.map((row) => row.id),
      caseIds: page.map((row) => row.caseId),
    });
    const last = page[page.length - 1];
    return {
      items: page.map(withoutSortKey),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
    };
  }

  private async outstanding(user: AuthenticatedUser, asOf: string | undefined) {
    const { asOf: day, currency } = await reportDay(this.scope.manager, user.practiceId, asOf);
    return { day, currency, invoices: await outstandingInvoices(this.scope.manager, user.practiceId, day) };
  }
}
