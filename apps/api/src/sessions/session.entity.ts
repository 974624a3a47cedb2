import type { SessionModality, SessionStatus } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One scheduled (or held, cancelled, missed) session of a case. */
@Entity({ name: 'sessions' })
export class SessionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** Who holds the session; null when nobody is assigned yet. */
  @Column('uuid', { name: 'clinician_id', nullable: true })
  clinicianId: string | null;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('smallint', { name: 'duration_minutes' })
  durationMinutes: number;

  @Column('text')
  modality: SessionModality;

  @Column('text')
  status: SessionStatus;

  /** Participant ids of the case who attend. */
  @Column('uuid', { name: 'attendee_ids', array: true })
  attendeeIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
