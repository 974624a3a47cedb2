import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { type PayerBalance } from '@trustwork/contracts';
import { useCaseBilling } from '../hooks/use-case-billing';
import { BillingSection, QueryContent } from './BillingSection';
import { Money } from './Money';

const FIGURES = [
  { label: 'Owed', amount: (balance: PayerBalance) => balance.outstanding },
  { label: 'Not yet invoiced', amount: (balance: PayerBalance) => balance.uninvoiced },
  { label: 'On account', amount: (balance: PayerBalance) => balance.unallocated },
] as const;

/** What each payer owes now, what is still to be invoiced, and money paid but on no invoice. */
export function PayerBalances({ caseId }: { caseId: string }) {
  const billing = useCaseBilling(caseId);
  return (
    <BillingSection title="Balances" order={3}>
      <QueryContent query={billing} what="the balances" skeletonHeight={100}>
        {({ balances }) =>
          balances.length === 0 ? (
            <Text c="dimmed">Nothing has been charged on this case yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {balances.map((balance) => (
                <Paper key={balance.payer.id} withBorder p="md" radius="md" component="article" aria-label={balance.payer.name}>
                  <Text fw={600} mb="xs">
                    {balance.payer.name}
                  </Text>
                  <Stack component="dl" gap={4} m={0}>
                    {FIGURES.map(({ label, amount }) => (
                      <Group key={label} justify="space-between" gap="sm">
                        <Text component="dt" size="sm" c="dimmed">
                          {label}
                        </Text>
                        <Text component="dd" size="sm" fw={500} m={0}>
                          <Money amount={amount(balance)} />
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )
        }
      </QueryContent>
    </BillingSection>
  );
}
