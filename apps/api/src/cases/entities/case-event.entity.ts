import type { CaseEventKind } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A breach, setback, milestone or noteworthy moment on the case's timeline. */
@Entity({ name: 'case_events' })
export class CaseEventRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  kind: CaseEventKind;

  /** A calendar date as YYYY-MM-DD (no time zone to shift it). */
  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  details: string | null;

  @Column('uuid', { name: 'participant_id', nullable: true })
  participantId: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
