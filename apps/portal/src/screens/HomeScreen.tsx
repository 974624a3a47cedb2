import { formatMoney, PORTAL_IDLE_MINUTES, type PortalAssignment, type PortalBilling } from '@trustwork/contracts';
import { Fragment } from 'react';
import { ForgetDevice } from '../components/ForgetDevice';
import { LoadState } from '../components/LoadState';
import { NextAppointment } from '../components/NextAppointment';
import { ReminderSwitch } from '../components/ReminderSwitch';
import { Screen } from '../components/Screen';
import { toSignWords } from '../lib/agreements';
import { formatMoment } from '../lib/dates';
import { homeworkSummary, homeworkSummaryParts } from '../lib/homework';
import type { Section } from '../lib/navigation';
import { usePortal } from '../lib/portal-context';
import { usePortalLoad } from '../lib/use-portal-load';
import { billingPaths } from '../portal-api';

interface HomeScreenProps {
  onOpen: (section: Section) => void;
  onForget: () => void;
  /** The page has just closed itself after going untouched. */
  closedForPrivacy?: boolean;
}

export function HomeScreen({ onOpen, onForget, closedForPrivacy = false }: HomeScreenProps) {
  const { welcome } = usePortal();
  const other = welcome.otherParticipant.firstName;
  const therapist = welcome.therapist?.name;
  const homework = usePortalLoad<PortalAssignment[]>('assignments');
  const toSign = welcome.agreementsToSign;
  const billing = usePortalLoad<PortalBilling>(billingPaths.summary);

  return (
    <Screen
      title={`Hi ${welcome.participant.firstName}`}
      footer={
        <>
          <ReminderSwitch />
          <p className="note">
            This page is just for you. Please keep your personal link to yourself. It works until{' '}
            {formatMoment(welcome.expiresAt, 'long')}.
          </p>
          <ForgetDevice onForget={onForget} />
        </>
      }
    >
      {closedForPrivacy && (
        <p className="note" role="status">
          For your privacy, this page was closed after {PORTAL_IDLE_MINUTES} minutes. Anything you had not sent was cleared.
        </p>
      )}
      <p className="lead">
        {therapist
          ? `Your space for the work you are doing with ${therapist} at ${welcome.practice.name}.`
          : `Your space for the work you are doing at ${welcome.practice.name}.`}
      </p>

      {toSign > 0 && (
        <section className="card card-attention" aria-labelledby="to-sign-heading">
          <h2 id="to-sign-heading">{toSignWords(toSign)}</h2>
          <p>Your therapist asks you to read {toSign === 1 ? 'it' : 'them'} and sign if you agree. You and {other} each sign your own copy.</p>
          <button type="button" className="button" onClick={() => onOpen('agreements')}>
            Read and sign
          </button>
        </section>
      )}

      <NextAppointment onSeeAll={() => onOpen('sessions')} />

      <section className="card" aria-labelledby="homework-heading">
        <h2 id="homework-heading">Your homework</h2>
        <LoadState loaded={homework.loaded} onRetry={homework.reload} what="your homework">
          {(assignments) => <DueSummary parts={homeworkSummaryParts(homeworkSummary(assignments))} />}
        </LoadState>
        <button type="button" className="button" onClick={() => onOpen('homework')}>
          See your homework
        </button>
      </section>

      {/* Second, so it shows on a phone without scrolling, and worded calmly: it is for any private word. */}
      <section className="card" aria-labelledby="private-heading">
        <h2 id="private-heading">Just between you and your therapist</h2>
        <p>For anything you would rather tell your therapist alone. {other} never sees it.</p>
        <button type="button" className="button button-quiet" onClick={() => onOpen('talk-privately')}>
          Talk to your therapist privately
        </button>
      </section>

      <section className="card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">Weekly check-in</h2>
        <p>Four quick questions, once a week, about trust, safety, feeling heard and closeness between you and {other}.</p>
        <button type="button" className="button button-quiet" onClick={() => onOpen('check-in')}>
          Do your check-in
        </button>
      </section>

      <section className="card" aria-labelledby="shared-heading">
        <h2 id="shared-heading">Shared with you</h2>
        <p>Answers {other} chose to let you read.</p>
        <button type="button" className="button button-quiet" onClick={() => onOpen('shared')}>
          Read what {other} shared
        </button>
      </section>

      {toSign === 0 && (
        <section className="card" aria-labelledby="agreements-heading">
          <h2 id="agreements-heading">Your agreements</h2>
          <p>Read what you have signed again, or download your own copy.</p>
          <button type="button" className="button button-quiet" onClick={() => onOpen('agreements')}>
            See your agreements
          </button>
        </section>
      )}

      {/* Only once something has been billed to this person; quietly absent if it cannot be read. */}
      {billing.loaded.state === 'ready' && billing.loaded.data.invoices.length > 0 && <BillsCard billing={billing.loaded.data} onOpen={() => onOpen('billing')} />}
    </Screen>
  );
}

function BillsCard({ billing, onOpen }: { billing: PortalBilling; onOpen: () => void }) {
  const owed = billing.balance?.outstanding ?? 0;
  return (
    <section className="card" aria-labelledby="bills-heading">
      <h2 id="bills-heading">Your bills</h2>
      <p>{owed > 0 ? `You owe ${formatMoney(owed, billing.currency)}.` : 'Nothing to pay just now.'}</p>
      <button type="button" className="button button-quiet" onClick={onOpen}>
        See your bills
      </button>
    </section>
  );
}

/** "2 things to do · 1 overdue · next due Thursday, March 5": the dots are for the eye, commas for the ear. */
function DueSummary({ parts }: { parts: string[] }) {
  return (
    <p className="due-summary">
      {parts.map((part, index) => (
        <Fragment key={part}>
          {index > 0 && (
            <>
              <span className="visually-hidden">, </span>
              <span aria-hidden="true"> · </span>
            </>
          )}
          {part}
        </Fragment>
      ))}
    </p>
  );
}
