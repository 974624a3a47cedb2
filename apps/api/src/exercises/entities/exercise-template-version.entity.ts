import type { ExerciseAudience, ExerciseCadence, ExercisePrompt, ExerciseSheet } from '@trustwork/trust-program';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One version of a practice template's content. Never updated: an edit inserts the next one. */
@Entity({ name: 'exercise_template_versions' })
export class ExerciseTemplateVersion {
  @PrimaryColumn('uuid', { name: 'template_id' })
  templateId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('text')
  title: string;

  /** '1' to '9' or 'throughout' (see storedPhase / phaseFromStore). */
  @Column('text')
  phase: string;

  @Column('text')
  audience: ExerciseAudience;

  @Column('jsonb', { name: 'other_audiences' })
  otherAudiences: ExerciseAudience[];

  @Column('text')
  sheet: ExerciseSheet;

  @Column('jsonb')
  cadence: ExerciseCadence;

  @Column('smallint')
  minutes: number;

  @Column('text')
  purpose: string;

  @Column('text')
  instructions: string;

  @Column('text', { name: 'clinician_notes' })
  clinicianNotes: string;

  @Column('jsonb')
  prompts: ExercisePrompt[];

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
