import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateAgreementRequest } from '@trustwork/contracts';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { CreateAgreementDto } from './create-agreement.dto';

/** A new title or body writes the next version; the kind never changes (cases rely on it). */
export class UpdateAgreementDto extends PartialType(OmitType(CreateAgreementDto, ['kind'] as const)) implements UpdateAgreementRequest {
  @ApiPropertyOptional({ description: 'true hides it from new cases; cases that use it keep it' })
  @IsOptional()
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;

  @ApiPropertyOptional({ minimum: 1, description: 'the version you loaded; a stale one answers 409 with currentVersion' })
  @IsOptional()
  @IsInt({ message: 'version must be the whole number of the version you loaded' })
  @Min(1, { message: 'version must be the whole number of the version you loaded' })
  version?: number;
}
