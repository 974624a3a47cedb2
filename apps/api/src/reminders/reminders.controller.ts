import { Body, Controller, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PortalReminders } from '@trustwork/contracts';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import { UpdateRemindersDto } from './dto/update-reminders.dto';
import { ReminderPreferencesService } from './reminder-preferences.service';

/** The participant turns their own e-mail reminders on or off. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal/reminders')
export class PortalRemindersController {
  constructor(private readonly preferences: ReminderPreferencesService) {}

  @Put()
  update(@PortalParticipant() participant: AuthenticatedParticipant, @Body() request: UpdateRemindersDto): Promise<PortalReminders> {
    return this.preferences.update(participant, request);
  }
}
