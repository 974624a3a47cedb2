import { QueryFailedError } from 'typeorm';
import { ForbiddenError, InvalidRequest } from '../errors/domain-error';
import { toApiError } from './api-exception.filter';

const databaseError = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('refused'), { code }));

describe('toApiError', () => {
  it('lists an invalid request’s problems one per message, as for field errors', () => {
    expect(toApiError(new InvalidRequest(['dueOn must be a date', 'send either dueOn or recurrence']))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['dueOn must be a date', 'send either dueOn or recurrence'],
    });
  });

  it('passes on the kind of a refusal the client must act on, and adds none to others', () => {
    expect(toApiError(new ForbiddenError('Confirm it is you.', 'step-up-required'))).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Confirm it is you.',
      code: 'step-up-required',
    });
    expect(toApiError(new ForbiddenError('Your role does not allow this.'))).not.toHaveProperty('code');
  });

  it.each([
    ['22P02', 'invalid text representation'],
    ['22007', 'invalid datetime format'],
    ['22008', 'datetime field overflow'],
    ['22003', 'numeric value out of range'],
    ['22001', 'string data right truncation'],
    ['22021', 'character not in repertoire'],
    ['22P05', 'untranslatable character'],
    ['2201X', 'invalid row count in result offset clause'],
    ['23502', 'not null violation'],
    ['23514', 'check violation'],
    ['54000', 'program limit exceeded'],
    ['54001', 'statement too complex'],
  ])('answers a database input error (%s, %s) with a 400 in plain words, not a 500', (code) => {
    const answer = toApiError(databaseError(code));
    expect(answer).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(answer.message).toEqual([expect.stringMatching(/^[A-Z].*\.$/)]);
    expect(JSON.stringify(answer)).not.toMatch(/SELECT|refused/);
  });

  it('answers a duplicate or a record removed meanwhile with 409, a cancelled statement with 503, anything unknown with 500', () => {
    expect(toApiError(databaseError('23505')).statusCode).toBe(409);
    // A record named in the request was removed meanwhile (the service checked it just before).
    expect(toApiError(databaseError('23503')).statusCode).toBe(409);
    expect(toApiError(databaseError('57014')).statusCode).toBe(503);
    expect(toApiError(databaseError('XX000')).statusCode).toBe(500);
  });
});
