import type { BreachRole } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One of the two people in a case. */
@Entity({ name: 'participants' })
export class ParticipantRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** 1 or 2: keeps the two people in the order the clinician entered them. */
  @Column('smallint')
  position: number;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  pronouns: string | null;

  @Column('text', { name: 'breach_role' })
  breachRole: BreachRole;

  /** The same person's first record on an earlier case, when the intake linked them to it. */
  @Column('uuid', { name: 'linked_participant_id', nullable: true })
  linkedParticipantId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
