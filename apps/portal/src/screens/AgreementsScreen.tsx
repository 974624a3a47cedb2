import type { PortalAgreementSummary } from '@trustwork/contracts';
import { BackButton } from '../components/BackButton';
import { LoadState } from '../components/LoadState';
import { Screen } from '../components/Screen';
import { signedOn } from '../lib/agreements';
import { usePortal } from '../lib/portal-context';
import { usePortalLoad } from '../lib/use-portal-load';

interface AgreementsScreenProps {
  onOpen: (agreementId: string) => void;
  onBack: () => void;
}

/** This person's agreements and where they stand with each: never the other person's. */
export function AgreementsScreen({ onOpen, onBack }: AgreementsScreenProps) {
  const { welcome } = usePortal();
  const other = welcome.otherParticipant.firstName;
  const { loaded, reload } = usePortalLoad<PortalAgreementSummary[]>('agreements');

  return (
    <Screen title="Your agreements" busy={loaded.state === 'loading'} footer={<BackButton onBack={onBack} />}>
      <LoadState loaded={loaded} onRetry={reload} what="your agreements">
        {(agreements) =>
          agreements.length === 0 ? (
            <p className="lead">Nothing to sign just now. When your therapist asks you to sign an agreement, it will be here.</p>
          ) : (
            <>
              <p className="lead">Please read each one, and sign it if you agree. If anything is unclear, ask your therapist first.</p>
              <ul className="plain-list">
                {agreements.map((agreement) => {
                  const toSign = agreement.state === 'to-sign';
                  const action = toSign ? 'Read and sign' : 'Read again';
                  return (
                    <li key={agreement.agreementId} className="card">
                      <h2>{agreement.title}</h2>
                      <p className={toSign ? 'tag tag-due' : 'tag'}>
                        {toSign ? 'To sign' : signedOn(agreement.signedAt)}
                      </p>
                      <p className="note">For you and {other}. Each of you signs your own copy.</p>
                      {/* The visible words start the spoken name, which adds which agreement it opens. */}
                      <button type="button" className="button" aria-label={`${action}: ${agreement.title}`} onClick={() => onOpen(agreement.agreementId)}>
                        {action}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </LoadState>
    </Screen>
  );
}
