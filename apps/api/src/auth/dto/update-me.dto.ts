import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateMeRequest } from '@trustwork/contracts';
import { IsBoolean, ValidateIf } from 'class-validator';
import { NameField } from '../../common/dto-fields';

export class UpdateMeDto implements UpdateMeRequest {
  // Left out means unchanged; null is refused (IsOptional would let it through to a NOT NULL column).
  @ValidateIf((_object, value) => value !== undefined)
  @NameField('name')
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean({ message: 'weeklyDigest must be true or false' })
  weeklyDigest?: boolean;
}
