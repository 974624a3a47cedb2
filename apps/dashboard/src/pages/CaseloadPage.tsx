import { PageHeader } from '../components/PageHeader';
import { Caseload } from '../features/cases/components/Caseload';
import { NewCaseButton } from '../features/cases/components/NewCaseButton';

export default function CaseloadPage() {
  return (
    <>
      <PageHeader
        title="Caseload"
        description="The people you are helping rebuild trust, where each pair is in the programme, and when you see them next."
        actions={<NewCaseButton />}
      />
      <Caseload />
    </>
  );
}
