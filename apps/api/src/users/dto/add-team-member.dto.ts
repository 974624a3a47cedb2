import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type AddTeamMemberRequest, type Role } from '@trustwork/contracts';
import { IsIn } from 'class-validator';
import { EmailField, NameField, NewPasswordField } from '../../common/dto-fields';

export class AddTeamMemberDto implements AddTeamMemberRequest {
  @NameField('name')
  name: string;

  @EmailField()
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @NewPasswordField('temporaryPassword')
  temporaryPassword: string;
}
