import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The case moved to a program phase; the history shows on the timeline. */
@Entity({ name: 'case_phase_changes' })
export class CasePhaseChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('smallint')
  phase: number;

  @Column('uuid', { name: 'changed_by', nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
