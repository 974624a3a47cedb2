import { Button, Group, Stack, Text } from '@mantine/core';
import { LoadFailed } from '../../../components/LoadFailed';
import { useBelowMd } from '../../app-shell/hooks/use-below-md';
import { useCaseloadFilters } from '../hooks/use-caseload-filters';
import { useCaseload } from '../hooks/use-cases';
import { CaseloadCards } from './CaseloadCards';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadEmpty, CaseloadNoMatches, NothingNeedsAttention } from './CaseloadStates';
import { CaseloadTable } from './CaseloadTable';

function describeCount(count: number, more: boolean, filtered: boolean): string {
  const cases = `${count} ${filtered ? 'matching ' : ''}${count === 1 ? 'case' : 'cases'}`;
  return more ? `Showing the first ${cases}.` : `Showing ${count === 1 ? '' : 'all '}${cases}.`;
}

/** The caseload: search and filters, the table of cases (cards below `md`), and paging through them. */
export function Caseload() {
  const { filters, sorts, setFilter, clearFilters, isFiltered, onlyAttention } = useCaseloadFilters();
  const caseload = useCaseload(filters);
  const cases = caseload.data?.pages.flatMap((page) => page.items) ?? null;
  const stale = caseload.isPlaceholderData;
  // Below a landscape tablet a card per case replaces the table, so nothing scrolls sideways.
  const belowMd = useBelowMd();

  // A practice with no cases has nothing to filter: the empty state says what to do instead.
  if (cases?.length === 0 && !isFiltered && !stale) return <CaseloadEmpty />;

  const filterBar = <CaseloadFilters filters={filters} sorts={sorts} isFiltered={isFiltered} onChange={setFilter} onClear={clearFilters} />;

  if (caseload.isError && !caseload.data) {
    return (
      <>
        {filterBar}
        <LoadFailed
          title="We couldn't load the caseload"
          message={caseload.error.message}
          retrying={caseload.isRefetching}
          onRetry={() => void caseload.refetch()}
        />
      </>
    );
  }

  if (cases?.length === 0 && !stale) {
    return (
      <>
        {filterBar}
        {onlyAttention ? <NothingNeedsAttention onShowAll={clearFilters} /> : <CaseloadNoMatches onClear={clearFilters} />}
      </>
    );
  }

  // Rows of an earlier search that found nothing are no better than skeletons.
  const rows = stale && cases?.length === 0 ? null : cases;

  return (
    <>
      {filterBar}
      {belowMd ? <CaseloadCards cases={rows} stale={stale} /> : <CaseloadTable cases={rows} stale={stale} />}
      <Stack gap="sm" mt="md" align="center">
        <Text size="sm" c="dimmed" role="status">
          {rows && !stale ? describeCount(rows.length, caseload.hasNextPage, isFiltered) : 'Loading cases…'}
        </Text>
        {caseload.isFetchNextPageError && (
          <LoadFailed
            title="We couldn't load more cases"
            message={caseload.error?.message ?? ''}
            retrying={caseload.isFetchingNextPage}
            onRetry={() => void caseload.fetchNextPage()}
          />
        )}
        {caseload.hasNextPage && !caseload.isFetchNextPageError && (
          <Group>
            <Button
              variant="default"
              mih={belowMd ? 44 : undefined}
              loading={caseload.isFetchingNextPage}
              disabled={stale}
              onClick={() => void caseload.fetchNextPage()}
            >
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
