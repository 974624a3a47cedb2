import { Badge } from '@mantine/core';
import { IconBookmark, IconFlag, IconHeartBroken, IconTrendingDown } from '@tabler/icons-react';
import { CASE_EVENT_KIND_LABELS, type CaseEventKind } from '@trustwork/contracts';

/** Each kind's colour always comes with its own icon and word, so colour is never the only cue. */
export const EVENT_KIND_STYLES: Record<CaseEventKind, { color: string; icon: typeof IconFlag }> = {
  breach: { color: 'red', icon: IconHeartBroken },
  setback: { color: 'orange', icon: IconTrendingDown },
  milestone: { color: 'teal', icon: IconFlag },
  noteworthy: { color: 'blue', icon: IconBookmark },
};

export function EventKindBadge({ kind }: { kind: CaseEventKind }) {
  const { color, icon: KindIcon } = EVENT_KIND_STYLES[kind];
  return (
    <Badge variant="light" color={color} tt="none" leftSection={<KindIcon size={12} aria-hidden />}>
      {CASE_EVENT_KIND_LABELS[kind]}
    </Badge>
  );
}
