import { Stack } from '@mantine/core';
import { Permission, type CaseDetail } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { TabSectionHeader } from '../../case-record/components/TabSectionHeader';
import { ChargesSection } from './ChargesSection';
import { DiagnosisCodesSection } from './DiagnosisCodesSection';
import { DocumentsSection } from './DocumentsSection';
import { InvoicesSection } from './InvoicesSection';
import { PayerBalances } from './PayerBalances';
import { PaymentsSection } from './PaymentsSection';
import { WhoPaysSection } from './WhoPaysSection';

/** Whether a role sees the case's Billing tab: those who bill, and clinicians for the diagnosis codes. */
export function useCanSeeCaseBilling(): boolean {
  const canBill = usePermission(Permission.ManageBilling);
  const clinical = usePermission(Permission.ViewClinicalRecords);
  return canBill || clinical;
}

/** The case's Billing tab: who pays, what is owed, invoices, payments, charges, documents, and diagnosis codes. */
export function CaseBillingTab({ caseRecord }: { caseRecord: CaseDetail }) {
  const canBill = usePermission(Permission.ManageBilling);
  const caseId = caseRecord.id;
  return (
    <>
      <TabSectionHeader
        title="Billing"
        description={canBill ? 'Who pays, what is owed, and the diagnosis codes for superbills.' : 'The diagnosis codes printed on superbills.'}
      />
      <Stack gap="xl">
        {canBill && (
          <>
            <WhoPaysSection caseRecord={caseRecord} />
            <PayerBalances caseId={caseId} />
            <InvoicesSection caseId={caseId} />
            <PaymentsSection caseId={caseId} />
            <ChargesSection caseId={caseId} />
            <DocumentsSection caseId={caseId} />
          </>
        )}
        <DiagnosisCodesSection caseRecord={caseRecord} />
      </Stack>
    </>
  );
}
