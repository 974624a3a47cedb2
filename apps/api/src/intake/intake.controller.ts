import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ExistingParticipant, IntakeCreated } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { CreateIntakeDto } from './dto/create-intake.dto';
import { IntakeCheckDto } from './dto/intake-check.dto';
import { IntakeService } from './intake.service';

/** Owners and clinicians only: an intake assigns homework and makes portal links, which assistants never do. */
@ApiTags('intake')
@ApiBearerAuth()
@Controller('intakes')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  /** The case with both people, its first exercises and both portal links, all or nothing. The links' URLs are in this response only. */
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() request: CreateIntakeDto): Promise<IntakeCreated> {
    return this.intake.create(user, request);
  }

  /** A POST, so the e-mails asked about stay out of URLs and access logs. */
  @Post('check')
  @HttpCode(HttpStatus.OK)
  check(@CurrentUser() user: AuthenticatedUser, @Body() request: IntakeCheckDto): Promise<ExistingParticipant[]> {
    return this.intake.existing(user, request);
  }
}
