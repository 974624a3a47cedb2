import { applyDecorators, Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type AgreementDetail,
  type AgreementReminderResult,
  type AgreementSummary,
  type CaseAgreements,
  type PortalAgreementDocument,
  type PortalAgreementSummary,
  type PortalSignature,
} from '@trustwork/contracts';
import { CaseIdPipe } from '../cases/cases.pipes';
import { PortalParticipant, type AuthenticatedParticipant } from '../common/authenticated-participant';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { PortalAuthenticated } from '../portal/portal-authenticated.decorator';
import type { AgreementRef } from './agreement-catalog.service';
import { AgreementSigningService, type SignerOrigin } from './agreement-signing.service';
import { AgreementIdPipe, CaseAgreementIdPipe, SignatureIdPipe } from './agreements.pipes';
import { AgreementsService } from './agreements.service';
import { CaseAgreementsService } from './case-agreements.service';
import { AgreementQueryDto, AgreementVersionQueryDto } from './dto/agreement-query.dto';
import { AgreementReminderDto } from './dto/agreement-reminder.dto';
import { ChangePolicyDto } from './dto/change-policy.dto';
import { CreateAgreementDto } from './dto/create-agreement.dto';
import { SetCaseAgreementsDto } from './dto/set-case-agreements.dto';
import { SignAgreementDto } from './dto/sign-agreement.dto';
import { UpdateAgreementDto } from './dto/update-agreement.dto';
import type { SignedCopy } from './signed-copy';
import { SignedFrom } from './signer-origin.decorator';

const AgreementIdParam = (name = 'id') => ApiParam({ name, description: '`builtin:<key>` for a built-in agreement, else the practice agreement’s id' });

/** A signed copy is evidence about a person: saved as a file, never kept by a shared or browser cache. */
const SignedCopyFile = () => applyDecorators(ApiProduces('application/pdf'), Header('Cache-Control', 'no-store'));

const pdfFile = (copy: SignedCopy) => new StreamableFile(copy.pdf, { type: 'application/pdf', disposition: `attachment; filename="${copy.fileName}"` });

/** The practice's library of agreements. Reading it is for everyone; writing it, for owners. */
@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AgreementQueryDto): Promise<AgreementSummary[]> {
    return this.agreements.list(user, query);
  }

  @Get(':id')
  @AgreementIdParam()
  detail(@CurrentUser() user: AuthenticatedUser, @Param('id', AgreementIdPipe) ref: AgreementRef, @Query() query: AgreementVersionQueryDto): Promise<AgreementDetail> {
    return this.agreements.detail(user, ref, query.version);
  }

  @Post()
  @RequirePermission(Permission.ManageAgreements)
  create(@CurrentUser() user: AuthenticatedUser, @Body() request: CreateAgreementDto): Promise<AgreementDetail> {
    return this.agreements.create(user, request);
  }

  /** A new title or body is the next version; built-ins answer 409: write the practice's own instead. */
  @Patch(':id')
  @RequirePermission(Permission.ManageAgreements)
  @AgreementIdParam()
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', AgreementIdPipe) ref: AgreementRef, @Body() changes: UpdateAgreementDto): Promise<AgreementDetail> {
    return this.agreements.update(user, ref, changes);
  }
}

/** A case's policy, its agreements and who has signed them. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseAgreementsController {
  constructor(private readonly caseAgreements: CaseAgreementsService) {}

  @Get('agreements')
  status(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<CaseAgreements> {
    return this.caseAgreements.status(user, caseId);
  }

  @Put('confidentiality-policy')
  changePolicy(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: ChangePolicyDto): Promise<CaseAgreements> {
    return this.caseAgreements.changePolicy(user, caseId, request);
  }

  @Put('agreements')
  setAgreements(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: SetCaseAgreementsDto): Promise<CaseAgreements> {
    return this.caseAgreements.setAgreements(user, caseId, request);
  }

  @Post('agreements/reminders')
  @HttpCode(200)
  remind(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: AgreementReminderDto): Promise<AgreementReminderResult> {
    return this.caseAgreements.remind(user, caseId, request);
  }

  @Get('agreements/signatures/:signatureId/pdf')
  @SignedCopyFile()
  async signedCopy(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Param('signatureId', SignatureIdPipe) signatureId: string): Promise<StreamableFile> {
    return pdfFile(await this.caseAgreements.signedCopy(user, caseId, signatureId));
  }
}

/** A person's own agreements, through their portal link. */
@ApiTags('portal')
@PortalAuthenticated()
@Controller('portal/agreements')
export class PortalAgreementsController {
  constructor(private readonly signing: AgreementSigningService) {}

  @Get()
  list(@PortalParticipant() participant: AuthenticatedParticipant): Promise<PortalAgreementSummary[]> {
    return this.signing.list(participant);
  }

  @Get(':agreementId')
  @AgreementIdParam('agreementId')
  read(@PortalParticipant() participant: AuthenticatedParticipant, @Param('agreementId', CaseAgreementIdPipe) ref: AgreementRef): Promise<PortalAgreementDocument> {
    return this.signing.read(participant, ref);
  }

  @Post(':agreementId/signature')
  @AgreementIdParam('agreementId')
  sign(
    @PortalParticipant() participant: AuthenticatedParticipant,
    @Param('agreementId', CaseAgreementIdPipe) ref: AgreementRef,
    @Body() request: SignAgreementDto,
    @SignedFrom() origin: SignerOrigin,
  ): Promise<PortalSignature> {
    return this.signing.sign(participant, ref, request, origin);
  }

  @Get(':agreementId/pdf')
  @AgreementIdParam('agreementId')
  @SignedCopyFile()
  async signedCopy(@PortalParticipant() participant: AuthenticatedParticipant, @Param('agreementId', CaseAgreementIdPipe) ref: AgreementRef): Promise<StreamableFile> {
    return pdfFile(await this.signing.signedCopy(participant, ref));
  }
}
