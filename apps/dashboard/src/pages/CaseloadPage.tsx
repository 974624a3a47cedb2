import { PageHeader } from '../components/PageHeader';
import { NotYetBuilt } from '../components/NotYetBuilt';

export default function CaseloadPage() {
  return (
    <>
      <PageHeader title="Caseload" description="The couples and pairs you are working with." />
      <NotYetBuilt>
        The caseload arrives in the next release: cases of two people, their phase, next session and alerts.
      </NotYetBuilt>
    </>
  );
}
