import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type ParticipantDiagnoses } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { BillingParticipantIdPipe } from './billing.pipes';
import { DiagnosesService } from './diagnoses.service';
import { SetDiagnosesDto } from './dto/set-diagnoses.dto';

/** A person's diagnosis codes: read by whoever bills the case or by its clinician, entered by the clinician. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('participants/:pid/diagnoses')
export class DiagnosesController {
  constructor(private readonly diagnoses: DiagnosesService) {}

  @Get()
  read(@CurrentUser() user: AuthenticatedUser, @Param('pid', BillingParticipantIdPipe) participantId: string): Promise<ParticipantDiagnoses> {
    return this.diagnoses.read(user, participantId);
  }

  @Put()
  @RequirePermission(Permission.ViewClinicalRecords)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pid', BillingParticipantIdPipe) participantId: string,
    @Body() request: SetDiagnosesDto,
  ): Promise<ParticipantDiagnoses> {
    return this.diagnoses.update(user, participantId, request);
  }
}
