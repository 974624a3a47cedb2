import { PageHeader } from '../components/PageHeader';
import { ExerciseList } from '../features/library/components/ExerciseList';
import { ExercisePreviewDrawer } from '../features/library/components/ExercisePreviewDrawer';
import { LibraryActions } from '../features/library/components/LibraryActions';
import { LibraryFilters } from '../features/library/components/LibraryFilters';
import { useLibraryFilters } from '../features/library/hooks/use-library-filters';

export default function LibraryPage() {
  const filters = useLibraryFilters();
  return (
    <>
      <PageHeader
        title="Library"
        description="Exercises for each phase of the programme, to assign as homework between sessions."
        actions={<LibraryActions onCreated={filters.openExercise} />}
      />
      <LibraryFilters query={filters.query} isFiltered={filters.isFiltered} onChange={filters.setFilter} onClear={filters.clearFilters} />
      <ExerciseList filters={filters} />
      <ExercisePreviewDrawer exerciseId={filters.openExerciseId} onOpen={filters.openExercise} onClose={() => filters.openExercise(null)} />
    </>
  );
}
