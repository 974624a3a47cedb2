import { screen, waitFor, within } from '@testing-library/react';
import { practiceToday } from '../../../lib/practice-time';
import { practice } from '../../../test/fixtures';
import { DocumentsSection } from '../components/DocumentsSection';
import { ALEX_PERSON, billingApi, captureDownloads, CASE_ID, choose, jordan, PDF_RESPONSE, renderSection } from './invoice-payment-fixtures';

const year = practiceToday(practice.timeZone).slice(0, 4);

describe("A case's statements and superbills", { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it("downloads a payer's statement for this calendar year, once on a double click", async () => {
    const downloads = captureDownloads();
    const statementPath = `/api/payers/${jordan.id}/statement.pdf`;
    const api = billingApi({ routes: { [`GET ${statementPath}`]: PDF_RESPONSE } });
    const user = renderSection(<DocumentsSection caseId={CASE_ID} />);

    expect(await screen.findByRole('heading', { name: 'Statements and superbills' })).toBeInTheDocument();
    const statement = screen.getByRole('region', { name: 'Statement' });
    await user.click(within(statement).getByRole('button', { name: 'Download statement' }));
    expect(within(statement).getByRole('combobox', { name: /^Payer/ })).toHaveAccessibleDescription('Choose a payer.');
    expect(api.callsTo('GET', statementPath)).toHaveLength(0);

    await choose(user, within(statement).getByRole('combobox', { name: /^Payer/ }), 'Jordan Lee');
    await user.dblClick(within(statement).getByRole('button', { name: 'Download statement' }));

    await waitFor(() => expect(downloads).toEqual([`trustwork-statement-jordan-lee-${year}-01-01-to-${year}-12-31.pdf`]));
    expect(api.queriesTo('GET', statementPath).map((query) => query.toString())).toEqual([`from=${year}-01-01&to=${year}-12-31`]);
  });

  it("downloads a person's superbill, and shows the API's refusal beside the dates", async () => {
    const downloads = captureDownloads();
    const superbillPath = `/api/participants/${ALEX_PERSON.id}/superbill.pdf`;
    let refused = false;
    const api = billingApi({
      routes: {
        [`GET ${superbillPath}`]: () => {
          if (refused) return PDF_RESPONSE;
          refused = true;
          return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['to must be within a year of from'] } };
        },
      },
    });
    const user = renderSection(<DocumentsSection caseId={CASE_ID} />);

    const superbill = await screen.findByRole('region', { name: 'Superbill' });
    await choose(user, within(superbill).getByRole('combobox', { name: /^Person/ }), 'Alex Morgan');
    await user.click(within(superbill).getByRole('button', { name: 'Download superbill' }));
    expect(await within(superbill).findByText('to must be within a year of from')).toBeInTheDocument();

    await user.click(within(superbill).getByRole('button', { name: 'Download superbill' }));
    await waitFor(() => expect(downloads).toEqual([`trustwork-superbill-alex-morgan-${year}-01-01-to-${year}-12-31.pdf`]));
    expect(api.callsTo('GET', superbillPath)).toHaveLength(2);
  });
});
