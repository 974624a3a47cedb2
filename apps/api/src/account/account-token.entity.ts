import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccountTokenPurpose = 'password-reset' | 'email-confirmation';

/** The secret of a link sent by e-mail, stored only as its hash. */
@Entity({ name: 'account_tokens' })
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  purpose: AccountTokenPurpose;

  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  /** The new address an e-mail confirmation moves to. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
