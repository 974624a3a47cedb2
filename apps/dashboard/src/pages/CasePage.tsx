import { useParams } from 'react-router';
import { CaseRecord } from '../features/case-record/components/CaseRecord';

export default function CasePage() {
  const { caseId = '' } = useParams();
  // Keyed by case, so moving to another case starts with fresh state (closed dialogs, hidden contact details).
  return <CaseRecord key={caseId} caseId={caseId} />;
}
