import { PageHeader } from '../components/PageHeader';

// Placeholder: being built in this change.
export default function NewCasePage() {
  return <PageHeader title="NewCasePage" />;
}
