import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SessionNote } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { SessionIdPipe } from '../sessions/sessions.pipes';
import { AddAddendumDto } from './dto/add-addendum.dto';
import { SaveNoteDto } from './dto/save-note.dto';
import { NotesService } from './notes.service';

@ApiTags('notes')
@ApiBearerAuth()
@Controller('sessions/:id/note')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @ApiOkResponse({ description: 'The session’s note, or null while the session has no note yet.' })
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', SessionIdPipe) sessionId: string): Promise<SessionNote | null> {
    return this.notes.read(user, sessionId);
  }

  /** Saves the draft. A stale version answers 409 with `currentVersion` in the body. */
  @Put()
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version the draft was based on, instead of (or as well as) body.version' })
  save(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', SessionIdPipe) sessionId: string,
    @Body() request: SaveNoteDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<SessionNote> {
    return this.notes.save(user, sessionId, request, ifMatch);
  }

  @Post('sign')
  @HttpCode(200)
  sign(@CurrentUser() user: AuthenticatedUser, @Param('id', SessionIdPipe) sessionId: string): Promise<SessionNote> {
    return this.notes.sign(user, sessionId);
  }

  @Post('addenda')
  addAddendum(@CurrentUser() user: AuthenticatedUser, @Param('id', SessionIdPipe) sessionId: string, @Body() request: AddAddendumDto): Promise<SessionNote> {
    return this.notes.addAddendum(user, sessionId, request);
  }
}
