import type { SeriesFrequency } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Recurring sessions of a case, made together; each session names it and its position. */
@Entity({ name: 'session_series' })
export class SessionSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  frequency: SeriesFrequency;

  /** The zone whose local time the series keeps, as it was when the series was made. */
  @Column('text', { name: 'time_zone' })
  timeZone: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
