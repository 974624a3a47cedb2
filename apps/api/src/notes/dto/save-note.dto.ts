import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_TEMPLATES, type NoteSections, type NoteTemplate, type SaveNoteRequest } from '@trustwork/contracts';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * A draft save. `version` may come in the body, the If-Match header, or both (then they
 * must agree), so it is optional here; the service insists on one of them. The section
 * keys are checked against the template in the service, where both are known.
 */
export class SaveNoteDto implements Omit<SaveNoteRequest, 'version'> {
  @ApiProperty({ enum: NOTE_TEMPLATES })
  @IsIn(NOTE_TEMPLATES, { message: `template must be one of: ${NOTE_TEMPLATES.join(', ')}` })
  @IsNotEmpty({ message: 'template is required' })
  template: NoteTemplate;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 20000 },
    description: 'one text per section of the template, e.g. subjective, objective, assessment, plan for SOAP',
  })
  @IsObject({ message: 'sections must be an object with one text per section of the template' })
  @IsNotEmpty({ message: 'sections is required' })
  sections: NoteSections;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'null for a joint note (about both participants), else the one participant it is about; left out, a draft keeps what it had',
  })
  @IsOptional()
  @IsUUID('loose', { message: 'aboutParticipantId must be the id of one of this case’s participants, or null for a joint note' })
  aboutParticipantId?: string | null;

  @ApiPropertyOptional({ minimum: 0, description: 'the version this draft was based on: 0 for a new note (or send If-Match)' })
  @IsOptional()
  @Max(2_000_000_000, { message: 'version must be a whole number: 0 for a new note, else the version you loaded' })
  @Min(0, { message: 'version must be a whole number: 0 for a new note, else the version you loaded' })
  @IsInt({ message: 'version must be a whole number: 0 for a new note, else the version you loaded' })
  version?: number;
}
