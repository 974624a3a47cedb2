import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role, type UpdateTeamMemberRequest } from '@trustwork/contracts';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { NameField } from '../../common/dto-fields';

export class UpdateTeamMemberDto implements UpdateTeamMemberRequest {
  @ValidateIf((_object, value) => value !== undefined)
  @NameField('name')
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @ValidateIf((_object, value) => value !== undefined)
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the member: they can no longer sign in.' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
