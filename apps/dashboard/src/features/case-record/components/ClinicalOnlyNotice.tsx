import { type ReactNode } from 'react';
import { Button, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { caseSessionsPath } from '../case-record-paths';

interface ClinicalOnlyNoticeProps {
  caseId: string;
  /** e.g. "Timeline entries are clinical records". */
  title: string;
  /** Why this role can't see it, and what it can still do. */
  children: ReactNode;
}

/** What an assistant sees on a tab of clinical content: the reason, and the way to the sessions they do manage. */
export function ClinicalOnlyNotice({ caseId, title, children }: ClinicalOnlyNoticeProps) {
  return (
    <EmptyState
      icon={<IconLock size={22} />}
      title={title}
      headingOrder={3}
      action={
        <Button component={Link} to={caseSessionsPath(caseId)} variant="light">
          Go to Sessions &amp; notes
        </Button>
      }
    >
      <Text>{children}</Text>
    </EmptyState>
  );
}
