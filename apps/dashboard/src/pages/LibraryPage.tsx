import { PageHeader } from '../components/PageHeader';
import { NotYetBuilt } from '../components/NotYetBuilt';

export default function LibraryPage() {
  return (
    <>
      <PageHeader title="Library" description="Exercises and homework you can assign to the people you work with." />
      <NotYetBuilt>
        The library arrives in a later release: the trust-rebuilding programme&apos;s exercises, check-ins and
        homework templates, ready to assign to a case.
      </NotYetBuilt>
    </>
  );
}
