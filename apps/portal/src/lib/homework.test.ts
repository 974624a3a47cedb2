import type { PortalAssignment } from '@trustwork/contracts';
import { sheet } from '../test/portal';
import { homeworkSummary, homeworkSummaryParts } from './homework';

const parts = (assignments: PortalAssignment[]) => homeworkSummaryParts(homeworkSummary(assignments));

describe('the homework summary on home', () => {
  it('counts what is left to do, how much is late, and the next date due', () => {
    expect(
      parts([
        sheet('letter', [{ on: '2026-03-03', status: 'overdue' }]),
        sheet('walk', [{ on: '2026-03-05', status: 'upcoming' }]),
        sheet('story', [{ on: '2026-03-01', status: 'done' }]),
        sheet('later', []),
      ]),
    ).toEqual(['2 things to do', '1 overdue', 'next due Thursday, March 5']);
  });

  it('says "today" when something is due today, and "due" for a single thing', () => {
    expect(
      parts([
        sheet('daily', [
          { on: '2026-03-04', status: 'done' },
          { on: '2026-03-05', status: 'due' },
          { on: '2026-03-06', status: 'upcoming' },
        ]),
      ]),
    ).toEqual(['1 thing to do', 'due today']);
  });

  it('says when there is nothing to do', () => {
    expect(parts([sheet('story', [{ on: '2026-03-01', status: 'done' }])])).toEqual(['Nothing to do just now']);
    expect(parts([])).toEqual(['Nothing to do just now']);
  });
});
