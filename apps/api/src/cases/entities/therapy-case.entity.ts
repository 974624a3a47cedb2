import type { CaseStatus, RelationshipType } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A case: two people working on trust, with the clinicians assigned to them. */
@Entity({ name: 'cases' })
export class TherapyCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('text', { name: 'relationship_type' })
  relationshipType: RelationshipType;

  @Column('text')
  status: CaseStatus;

  @Column('smallint')
  phase: number;

  @Column('text', { name: 'presenting_concern', nullable: true })
  presentingConcern: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
