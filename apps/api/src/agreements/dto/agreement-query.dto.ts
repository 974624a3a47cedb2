import { ApiPropertyOptional } from '@nestjs/swagger';
import { AGREEMENT_KINDS, type AgreementKind, type AgreementQuery } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { QueryFlagField } from '../../common/dto-fields';

export class AgreementQueryDto implements AgreementQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_KINDS })
  @IsOptional()
  @IsIn(AGREEMENT_KINDS, { message: `kind must be one of: ${AGREEMENT_KINDS.join(', ')}` })
  kind?: AgreementKind;

  @QueryFlagField('includeArchived')
  includeArchived?: boolean;
}

/** `GET /agreements/:id?version=`: an earlier version, as someone signed it. */
export class AgreementVersionQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'version must be a whole number from 1' })
  @IsInt({ message: 'version must be a whole number from 1' })
  version?: number;
}
