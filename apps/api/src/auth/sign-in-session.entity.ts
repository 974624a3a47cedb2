import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SessionEndReason = 'signed-out' | 'revoked' | 'password-changed' | 'deactivated' | 'two-factor-reset' | 'token-reuse';

/** One signed-in device. Its refresh tokens are one family (refresh_tokens.family_id = id). */
@Entity({ name: 'sign_in_sessions' })
export class SignInSessionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent: string | null;

  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_active_at' })
  lastActiveAt: Date;

  /** The last time the person proved presence here: the sign-in, or a step-up. */
  @Column('timestamptz', { name: 'verified_at' })
  verifiedAt: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason: SessionEndReason | null;
}
