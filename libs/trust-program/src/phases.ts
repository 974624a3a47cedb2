/** Who carries most of the work in a phase. */
export type PhaseLead = 'broke-trust' | 'hurt' | 'both' | 'together';

export interface ProgramPhase {
  /** 1-9 in the usual order; therapists may reorder or repeat phases. */
  number: number;
  title: string;
  lead: PhaseLead;
  /** One or two sentences a clinician can read at a glance. */
  summary: string;
}

export const PHASES: readonly ProgramPhase[] = [
  {
    number: 1,
    title: 'Taking ownership',
    lead: 'broke-trust',
    summary: 'The partner who broke trust looks honestly at their own part and names what happened, without excuses, minimising or blame.',
  },
  {
    number: 2,
    title: 'The apology',
    lead: 'broke-trust',
    summary: 'A prepared, specific apology at a time the hurt partner chooses: what was done, how it landed, real regret and what will change.',
  },
  {
    number: 3,
    title: 'Telling and hearing the hurt',
    lead: 'both',
    summary: 'The hurt partner describes the impact safely; the other listens without interrupting or defending and reflects back what they heard.',
  },
  {
    number: 4,
    title: 'Openness and reliability',
    lead: 'broke-trust',
    summary: 'Information is offered rather than extracted, questions get honest answers, and small promises are kept day after day.',
  },
  {
    number: 5,
    title: 'Agreeing boundaries',
    lead: 'together',
    summary: 'The two agree what is and is not acceptable, their deal-breakers, and how much openness and privacy each keeps: guidelines for safety, not punishment.',
  },
  {
    number: 6,
    title: 'New ways of talking',
    lead: 'together',
    summary: 'Regular check-ins, a daily habit of honesty, journaling and "I feel … when …" statements replace guessing and accusation.',
  },
  {
    number: 7,
    title: 'Coming close again',
    lead: 'together',
    summary: 'Emotional, then physical closeness returns at a pace the hurt partner is comfortable with: time together, shared plans, small steps.',
  },
  {
    number: 8,
    title: 'Forgiveness',
    lead: 'hurt',
    summary: 'The hurt partner considers forgiveness as their own free choice, for their own sake; it is never owed and never means forgetting.',
  },
  {
    number: 9,
    title: 'Marking progress',
    lead: 'together',
    summary: 'The pair notice how far they have come, celebrate small wins and make new shared memories.',
  },
];

/** Runs alongside every phase rather than in sequence. */
export const THROUGHOUT_PHASE = {
  title: 'Patience and self-compassion',
  lead: 'both' as PhaseLead,
  summary: 'Repair takes weeks to months. Setbacks are part of it. Responsibility without self-punishment; nobody is hurried.',
};

export const FIRST_PHASE = 1;
export const LAST_PHASE = PHASES.length;

export function phaseByNumber(number: number): ProgramPhase | undefined {
  return PHASES.find((phase) => phase.number === number);
}
