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

  /** The office, for an in-person session only. */
  @Column('text', { nullable: true })
  address: string | null;

  /** The practice's own video link, for a video session only. */
  @Column('text', { name: 'video_url', nullable: true })
  videoUrl: string | null;

  @Column('uuid', { name: 'series_id', nullable: true })
  seriesId: string | null;

  /** 1 for the first session of its series. */
  @Column('smallint', { name: 'series_position', nullable: true })
  seriesPosition: number | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  /** Set when one of the people cancelled (from the portal); otherwise the team member below. */
  @Column('uuid', { name: 'cancelled_by_participant_id', nullable: true })
  cancelledByParticipantId: string | null;

  @Column('uuid', { name: 'cancelled_by_user_id', nullable: true })
  cancelledByUserId: string | null;

  /** Inside the practice's notice period before the start. */
  @Column('boolean', { name: 'cancellation_late', nullable: true })
  cancellationLate: boolean | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
