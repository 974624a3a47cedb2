import type { AuditActorType } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One audited read or write of clinical data. Append-only: the API's role may not update or delete. */
@Entity({ name: 'audit_events' })
export class AuditEventRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column('text', { name: 'actor_type' })
  actorType: AuditActorType;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName: string | null;

  @Column('text')
  action: string;

  @Column('text', { name: 'record_type' })
  recordType: string;

  @Column('uuid', { name: 'record_id', nullable: true })
  recordId: string | null;

  @Column('uuid', { name: 'record_ids', array: true, nullable: true })
  recordIds: string[] | null;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column('uuid', { name: 'case_ids', array: true, nullable: true })
  caseIds: string[] | null;

  @Column('text', { name: 'ip_address', nullable: true })
  ipAddress: string | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;
}
