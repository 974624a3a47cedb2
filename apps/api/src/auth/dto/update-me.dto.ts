import type { UpdateMeRequest } from '@trustwork/contracts';
import { IsBoolean, IsOptional } from 'class-validator';

export class UpdateMeDto implements UpdateMeRequest {
  @IsOptional()
  @IsBoolean({ message: 'weeklyDigest must be true or false' })
  weeklyDigest?: boolean;
}
