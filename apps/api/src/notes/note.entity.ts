import type { NoteTemplate } from '@trustwork/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A session's note. The sections are stored only encrypted (see note-cipher.ts). */
@Entity({ name: 'notes' })
export class NoteRecord {
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('text')
  template: NoteTemplate;

  @Column('bytea', { name: 'body_encrypted' })
  bodyEncrypted: Buffer;

  @Column('text', { name: 'key_id' })
  keyId: string;

  @Column('text')
  status: 'draft' | 'signed';

  /** Null for a joint note; else the one participant the note is about. */
  @Column('uuid', { name: 'about_participant_id', nullable: true })
  aboutParticipantId: string | null;

  /** 1 on creation, +1 per saved draft; a save must name the version it was based on. */
  @Column('integer')
  version: number;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt: Date | null;

  @Column('uuid', { name: 'signed_by', nullable: true })
  signedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
