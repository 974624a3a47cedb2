import { render, screen } from '@testing-library/react';
import { Table } from '@mantine/core';
import { AppProviders } from '../../app/AppProviders';
import { createQueryClient } from '../../lib/query-client';
import { SidewaysTable } from '../SidewaysTable';

// jsdom lays nothing out: the box's measured width is what each test says.
const measured = vi.hoisted(() => ({ width: 0 }));
vi.mock('@mantine/hooks', async (original) => ({
  ...(await original<typeof import('@mantine/hooks')>()),
  useElementSize: () => ({ ref: () => undefined, width: measured.width, height: 0 }),
}));

function renderTable() {
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <SidewaysTable label="Charges" minWidth={820}>
        <Table aria-label="Charges">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>Couples session</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </SidewaysTable>
    </AppProviders>,
  );
}

describe('A table wider than the screen', () => {
  it('says it scrolls sideways, and its box can be scrolled from the keyboard', () => {
    measured.width = 350;
    renderTable();
    expect(screen.getByText('Scroll the table sideways to see every column.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Charges, scrolls sideways' })).toHaveAttribute('tabindex', '0');
  });

  it('says nothing where the table fits', () => {
    measured.width = 1000;
    renderTable();
    expect(screen.queryByText(/Scroll the table sideways/)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Charges, scrolls sideways' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Charges' })).toBeInTheDocument();
  });
});
