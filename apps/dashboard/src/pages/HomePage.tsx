import { PageHeader } from '../components/PageHeader';

// Placeholder: being built in this change.
export default function HomePage() {
  return <PageHeader title="HomePage" />;
}
