import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A therapy practice: the tenant every practice-owned row belongs to. */
@Entity({ name: 'practices' })
export class Practice {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'time_zone' })
  timeZone: string;

  /** Minutes without activity before a sign-in ends. */
  @Column('integer', { name: 'idle_timeout_minutes' })
  idleTimeoutMinutes: number;

  /** Every member must sign in with two-factor. */
  @Column('boolean', { name: 'require_two_factor' })
  requireTwoFactor: boolean;

  /** Hours before a session that clients' reminders go out. */
  @Column('smallint', { name: 'reminder_lead_hours' })
  reminderLeadHours: number;

  /** A client's cancellation this close to the start, or closer, is late. */
  @Column('smallint', { name: 'cancellation_notice_hours' })
  cancellationNoticeHours: number;

  /** Where in-person sessions are held unless a session says otherwise. */
  @Column('text', { name: 'office_address', nullable: true })
  officeAddress: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
