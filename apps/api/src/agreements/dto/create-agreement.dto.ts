import { ApiProperty } from '@nestjs/swagger';
import { AGREEMENT_BODY_MAX, AGREEMENT_FIELDS, AGREEMENT_KINDS, AGREEMENT_TITLE_MAX, type AgreementKind, type CreateAgreementRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateAgreementDto implements CreateAgreementRequest {
  @ApiProperty({ enum: AGREEMENT_KINDS, description: '`confidentiality`: the practice’s own wording of a confidentiality policy' })
  @IsIn(AGREEMENT_KINDS, { message: `kind must be one of: ${AGREEMENT_KINDS.join(', ')}` })
  kind: AgreementKind;

  @ApiProperty({ maxLength: AGREEMENT_TITLE_MAX })
  @trimmed
  @MaxLength(AGREEMENT_TITLE_MAX, { message: `title must be at most ${AGREEMENT_TITLE_MAX} characters` })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  title: string;

  @ApiProperty({
    maxLength: AGREEMENT_BODY_MAX,
    description: `Plain text; a line starting "# " is a heading. Fields filled in for each signer: ${AGREEMENT_FIELDS.map((field) => `{{${field}}}`).join(', ')}`,
  })
  @trimmed
  @MaxLength(AGREEMENT_BODY_MAX, { message: `body must be at most ${AGREEMENT_BODY_MAX} characters` })
  @IsString({ message: 'body must be text' })
  @IsNotEmpty({ message: 'body is required' })
  body: string;
}
