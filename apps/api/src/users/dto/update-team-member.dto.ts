import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role, type UpdateTeamMemberRequest } from '@trustwork/contracts';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { NameField } from '../../common/dto-fields';

export class UpdateTeamMemberDto implements UpdateTeamMemberRequest {
  @IsOptional()
  @NameField('name')
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the member: they can no longer sign in.' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
