import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';

interface LoadErrorBoundaryProps {
  children: ReactNode;
  /** 'page' inside the app shell; 'full' when there is no shell around it. */
  variant?: 'page' | 'full';
}

/**
 * Catches a page that failed to load or render, typically because its code could not be
 * downloaded (the connection dropped, or Trustwork was updated since this tab opened), and
 * offers a reload instead of leaving a blank screen.
 */
export class LoadErrorBoundary extends Component<LoadErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A page failed to load.', error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    const message = (
      <Alert color="red" icon={<IconAlertCircle />} title="This page didn't load" maw={560} w="100%">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            Check your connection, then reload the page. If Trustwork was updated since you opened this tab, reloading
            brings in the new version. Nothing you saved has been lost.
          </Text>
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => window.location.reload()}
          >
            Reload page
          </Button>
        </Stack>
      </Alert>
    );
    return this.props.variant === 'full' ? (
      <Center component="main" mih="100dvh" p="md">
        {message}
      </Center>
    ) : (
      message
    );
  }
}
