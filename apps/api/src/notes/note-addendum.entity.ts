import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A dated addition to a signed note; stored only encrypted, like the note. */
@Entity({ name: 'note_addenda' })
export class NoteAddendumRecord {
  /** Chosen before encrypting, since the ciphertext is bound to it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @Column('bytea', { name: 'body_encrypted' })
  bodyEncrypted: Buffer;

  @Column('text', { name: 'key_id' })
  keyId: string;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
