import { type ReactNode } from 'react';
import { Badge, Tabs } from '@mantine/core';
import { IconCalendarEvent, IconChartLine, IconClipboardList, IconTimeline } from '@tabler/icons-react';
import { Link } from 'react-router';

type CaseTab = 'timeline' | 'sessions' | 'homework';

interface CaseTabsProps {
  active: CaseTab;
  paths: Record<CaseTab, string>;
  /** The active tab's panel. */
  children: ReactNode;
}

const soon = (
  <Badge size="xs" variant="light" color="gray" tt="none">
    Coming soon
  </Badge>
);

/**
 * Tabs that are links: each tab has its own address (bookmarkable, opens in a new tab),
 * while arrow keys still move between them as in any tab list.
 */
export function CaseTabs({ active, paths, children }: CaseTabsProps) {
  // Mantine renders tabs as buttons; drop the button type so each is a plain anchor.
  const linkTo =
    (path: string) =>
    ({ type: _type, ...props }: Record<string, unknown>) => <Link {...props} to={path} />;
  return (
    <Tabs value={active} keepMounted={false}>
      <Tabs.List mb="lg" aria-label="Case sections">
        <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} aria-hidden />} renderRoot={linkTo(paths.timeline)}>
          Timeline
        </Tabs.Tab>
        <Tabs.Tab value="sessions" leftSection={<IconCalendarEvent size={16} aria-hidden />} renderRoot={linkTo(paths.sessions)}>
          Sessions &amp; notes
        </Tabs.Tab>
        <Tabs.Tab value="homework" leftSection={<IconClipboardList size={16} aria-hidden />} renderRoot={linkTo(paths.homework)}>
          Homework
        </Tabs.Tab>
        <Tabs.Tab value="progress" disabled leftSection={<IconChartLine size={16} aria-hidden />} rightSection={soon}>
          Progress
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value={active}>{children}</Tabs.Panel>
    </Tabs>
  );
}
