import { type ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconCalendarEvent, IconChartLine, IconClipboardList, IconReceipt, IconSignature, IconTimeline } from '@tabler/icons-react';
import { Link } from 'react-router';

export type CaseTab = 'timeline' | 'sessions' | 'homework' | 'progress' | 'agreements' | 'billing';

interface CaseTabsProps {
  active: CaseTab;
  /** Billing is left out for roles that neither bill nor keep clinical records. */
  paths: Record<Exclude<CaseTab, 'billing'>, string> & { billing?: string };
  /** The active tab's panel. */
  children: ReactNode;
}

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
        <Tabs.Tab value="progress" leftSection={<IconChartLine size={16} aria-hidden />} renderRoot={linkTo(paths.progress)}>
          Progress
        </Tabs.Tab>
        <Tabs.Tab value="agreements" leftSection={<IconSignature size={16} aria-hidden />} renderRoot={linkTo(paths.agreements)}>
          Agreements
        </Tabs.Tab>
        {paths.billing && (
          <Tabs.Tab value="billing" leftSection={<IconReceipt size={16} aria-hidden />} renderRoot={linkTo(paths.billing)}>
            Billing
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value={active}>{children}</Tabs.Panel>
    </Tabs>
  );
}
