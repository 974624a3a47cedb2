import type { Role } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A member of a practice's team: owner, clinician or assistant. */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('boolean')
  active: boolean;

  /** Wants the Monday digest e-mail. */
  @Column('boolean', { name: 'weekly_digest', default: false })
  weeklyDigest: boolean;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt: Date | null;

  /** Signed in with a temporary password: may do nothing but choose their own. */
  @Column('boolean', { name: 'must_choose_password', default: false })
  mustChoosePassword: boolean;

  /** A new address waiting for its confirmation link. */
  @Column('text', { name: 'pending_email', nullable: true })
  pendingEmail: string | null;

  /** The TOTP secret, encrypted under the notes key (see two-factor.service.ts); read only where a code is checked. */
  @Column('text', { name: 'two_factor_secret', nullable: true, select: false })
  twoFactorSecret: string | null;

  /** A secret being set up, not active until its first code confirms it. */
  @Column('text', { name: 'two_factor_pending_secret', nullable: true, select: false })
  twoFactorPendingSecret: string | null;

  @Column('timestamptz', { name: 'two_factor_enabled_at', nullable: true })
  twoFactorEnabledAt: Date | null;

  /** The time step of the last accepted code: that code and older ones are refused (replay). */
  @Column('bigint', { name: 'two_factor_last_step', nullable: true, select: false, transformer: { to: (step?: number | null) => step, from: (step: string | null) => (step === null ? null : Number(step)) } })
  twoFactorLastStep: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
