import { type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StepUpProvider } from '../features/account/components/StepUpProvider';
import { cssVariablesResolver, theme } from './theme';

interface AppProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** 'test' renders modals inline and skips transitions. */
  env?: 'default' | 'test';
}

export function AppProviders({ queryClient, children, env = 'default' }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" env={env}>
        {/* Hovering a toast holds only that toast open, as before Mantine 9 (which holds them all). */}
        <Notifications position="top-right" pauseResetOnHover="notification" />
        <StepUpProvider>{children}</StepUpProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
