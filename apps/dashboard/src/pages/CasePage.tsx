import { PageHeader } from '../components/PageHeader';

// Placeholder: being built in this change.
export default function CasePage() {
  return <PageHeader title="CasePage" />;
}
