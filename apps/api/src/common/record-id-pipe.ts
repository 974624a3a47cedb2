import type { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/**
 * A record's id in a path: any UUID PostgreSQL's uuid type prints, whatever its version bits
 * (imported rows keep theirs), as Nest's ParseUUIDPipe accepted until Nest 12 narrowed it to
 * versions 1 to 8. Anything else cannot name a record, so it is answered as an unknown one.
 */
export function recordIdPipe(notFound: () => Error): PipeTransform<string, string> {
  return {
    transform(id: string): string {
      if (isUUID(id, 'loose')) return id;
      throw notFound();
    },
  };
}
