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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
