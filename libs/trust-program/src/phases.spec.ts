import { FIRST_PHASE, LAST_PHASE, PHASES, phaseByNumber } from './phases';

describe('program phases', () => {
  it('numbers the nine phases 1 to 9 in order', () => {
    expect(PHASES.map((phase) => phase.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([FIRST_PHASE, LAST_PHASE]).toEqual([1, 9]);
  });

  it('gives every phase a title and a summary', () => {
    for (const phase of PHASES) {
      expect(phase.title.trim().length).toBeGreaterThan(3);
      expect(phase.summary.trim().length).toBeGreaterThan(20);
    }
    expect(new Set(PHASES.map((phase) => phase.title)).size).toBe(PHASES.length);
  });

  it('finds a phase by number', () => {
    expect(phaseByNumber(8)?.lead).toBe('hurt');
    expect(phaseByNumber(10)).toBeUndefined();
  });
});
