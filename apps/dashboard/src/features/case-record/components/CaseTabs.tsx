import { type ReactNode, useEffect, useRef } from 'react';
import { Tabs } from '@mantine/core';
import { IconCalendarEvent, IconChartLine, IconClipboardList, IconReceipt, IconSignature, IconTimeline } from '@tabler/icons-react';
import { Link } from 'react-router';

export type CaseTab = 'timeline' | 'sessions' | 'homework' | 'progress' | 'agreements' | 'billing';

interface CaseTabsProps {
  active: CaseTab;
  /** Below a landscape tablet: the tabs keep one line and scroll sideways within their strip, each a 44 px target. */
  compact?: boolean;
  /** Billing is left out for roles that neither bill nor keep clinical records. */
  paths: Record<Exclude<CaseTab, 'billing'>, string> & { billing?: string };
  /** The active tab's panel. */
  children: ReactNode;
}

const COMPACT_LIST = { flexWrap: 'nowrap', overflowX: 'auto', overscrollBehaviorX: 'contain', scrollbarWidth: 'thin' } as const;
const COMPACT_TAB = { flexShrink: 0, minHeight: 44, whiteSpace: 'nowrap' } as const;

/**
 * Tabs that are links: each tab has its own address (bookmarkable, opens in a new tab),
 * while arrow keys still move between them as in any tab list.
 */
export function CaseTabs({ active, compact = false, paths, children }: CaseTabsProps) {
  // Mantine renders tabs as buttons; drop the button type so each is a plain anchor.
  const linkTo =
    (path: string) =>
    ({ type: _type, ...props }: Record<string, unknown>) => <Link {...props} to={path} />;
  const listRef = useRef<HTMLDivElement>(null);
  // A tab at the end of a scrolled strip (Billing on a phone) is brought into sight when it is the open one.
  useEffect(() => {
    if (compact) listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [compact, active]);
  return (
    <Tabs
      value={active}
      keepMounted={false}
      styles={compact ? { list: COMPACT_LIST, tab: COMPACT_TAB } : undefined}
    >
      <Tabs.List ref={listRef} mb={compact ? 'md' : 'lg'} aria-label="Case sections">
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
