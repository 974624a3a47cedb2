import { type ExerciseDetail, type ExerciseSummary } from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';

export function exerciseSummary(overrides: Partial<ExerciseSummary> & Pick<ExerciseSummary, 'id' | 'title' | 'phase'>): ExerciseSummary {
  return {
    source: 'built-in',
    key: overrides.id.replace('builtin:', ''),
    version: 1,
    audience: 'broke-trust',
    otherAudiences: [],
    sheet: 'own',
    cadence: { kind: 'once', dueInDays: 7 },
    minutes: 30,
    purpose: 'Helps put what happened into plain words.',
    archived: false,
    ...overrides,
  };
}

export const ownRole = exerciseSummary({ id: 'builtin:own-your-role', title: 'Looking honestly at your part', phase: 1 });
export const hearingHurt = exerciseSummary({
  id: 'builtin:hearing-the-hurt',
  title: 'Hearing the hurt',
  phase: 3,
  audience: 'together',
  cadence: { kind: 'weekly', timesPerWeek: 2 },
  minutes: 45,
});
export const hardDay = exerciseSummary({
  id: 'builtin:hard-day',
  title: 'A note for a hard day',
  phase: 'throughout',
  audience: 'each',
  cadence: { kind: 'as-needed' },
  minutes: 10,
});
export const TEMPLATE_ID = '3f1c8a52-3a55-4c1e-9a51-6f0a2c7e9b10';
export const ownTemplate = exerciseSummary({
  id: TEMPLATE_ID,
  key: null,
  source: 'practice',
  version: 3,
  title: 'Our morning check-in',
  phase: 6,
  audience: 'together',
  cadence: { kind: 'daily' },
  minutes: 5,
});

export function exerciseDetail(summary: ExerciseSummary, overrides: Partial<ExerciseDetail> = {}): ExerciseDetail {
  return {
    ...summary,
    currentVersion: summary.version,
    instructions: 'Find a quiet half hour and answer in your own words.',
    clinicianNotes: 'Expect explanations to creep in; reflect them back gently.',
    duplicatedFrom: null,
    versionCreatedBy: summary.source === 'practice' ? { id: clinician.id, name: clinician.name } : null,
    versionCreatedAt: summary.source === 'practice' ? '2026-05-02T09:30:00.000Z' : null,
    prompts: [
      { type: 'text', key: 'what-happened', label: 'What did you do?', help: 'Stick to your own actions.', required: true, maxLength: 3000, multiline: true },
      { type: 'scale', key: 'ownership', label: 'How fully do you own it?', required: true, min: 0, max: 10, minLabel: 'Not at all yet', maxLabel: 'Completely' },
      { type: 'yes-no', key: 'urge', label: 'Did you feel an urge to explain?', required: false },
      {
        type: 'choice',
        key: 'feelings',
        label: 'Which feelings came up?',
        required: false,
        multiple: true,
        options: [
          { key: 'shame', label: 'Shame' },
          { key: 'relief', label: 'Relief' },
        ],
      },
      { type: 'date', key: 'talk-on', label: 'When will you talk it through?', required: false },
    ],
    ...overrides,
  };
}
