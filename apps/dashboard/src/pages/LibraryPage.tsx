import { ComingSoon } from '../components/ComingSoon';
import { PageHeader } from '../components/PageHeader';

export default function LibraryPage() {
  return (
    <>
      <PageHeader title="Library" description="Exercises and homework you can assign to the people you work with." />
      <ComingSoon
        when="later"
        summary="The library will hold the materials of the trust-rebuilding programme, ready to assign to a case."
        items={[
          'Exercises for each phase, from taking ownership to marking progress',
          'Check-ins the two people fill in between sessions',
          'Homework templates you can adapt before you assign them',
        ]}
      />
    </>
  );
}
