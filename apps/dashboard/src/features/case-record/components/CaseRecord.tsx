import { Navigate, Route, Routes, useParams } from 'react-router';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { CaseAgreementsPanel } from '../../agreements/components/CaseAgreementsPanel';
import { CaseBillingTab, useCanSeeCaseBilling } from '../../billing/components/CaseBillingTab';
import { useCase } from '../../cases/hooks/use-cases';
import { CaseHomework } from '../../homework/components/CaseHomework';
import { CaseProgress } from '../../progress/components/CaseProgress';
import { caseAgreementsPath, caseBillingPath, caseHomeworkPath, casePath, caseProgressPath, caseSessionsPath } from '../case-record-paths';
import { useCompactCase } from '../hooks/use-compact-case';
import { CaseHeader, CompactCaseHeader } from './CaseHeader';
import classes from './CaseRecord.module.css';
import { CaseNotFound } from './CaseNotFound';
import { CaseRecordSkeleton } from './CaseRecordSkeleton';
import { CaseSessions } from './CaseSessions';
import { CaseTabs, type CaseTab } from './CaseTabs';
import { CaseTimeline } from './CaseTimeline';

const SUB_TABS: readonly CaseTab[] = ['sessions', 'homework', 'progress', 'agreements', 'billing'];

/** One case: who, where they are in the programme, and its tabs (timeline, sessions, homework, progress, agreements, billing). */
export function CaseRecord({ caseId }: { caseId: string }) {
  const record = useCase(caseId);
  const showBilling = useCanSeeCaseBilling();
  const compact = useCompactCase();
  // The part of the address after the case id picks the tab: "" is the timeline.
  const tabPath = useParams()['*'] ?? '';

  if (isApiRequestError(record.error, 404)) return <CaseNotFound />;
  if (!record.data) {
    if (record.isError) {
      return (
        <LoadFailed
          title="We couldn't open this case"
          query={record}
        />
      );
    }
    return <CaseRecordSkeleton />;
  }

  const caseRecord = record.data;
  return (
    <div className={classes.touchTargets}>
      {compact ? <CompactCaseHeader caseRecord={caseRecord} /> : <CaseHeader caseRecord={caseRecord} />}
      <CaseTabs
        compact={compact}
        active={SUB_TABS.find((tab) => tab === tabPath) ?? 'timeline'}
        paths={{
          timeline: casePath(caseId),
          sessions: caseSessionsPath(caseId),
          homework: caseHomeworkPath(caseId),
          progress: caseProgressPath(caseId),
          agreements: caseAgreementsPath(caseId),
          billing: showBilling ? caseBillingPath(caseId) : undefined,
        }}
      >
        <Routes>
          <Route index element={<CaseTimeline caseRecord={caseRecord} />} />
          <Route path="sessions" element={<CaseSessions caseRecord={caseRecord} />} />
          <Route path="homework" element={<CaseHomework caseRecord={caseRecord} />} />
          <Route path="progress" element={<CaseProgress caseRecord={caseRecord} />} />
          <Route path="agreements" element={<CaseAgreementsPanel caseRecord={caseRecord} />} />
          {showBilling && <Route path="billing" element={<CaseBillingTab caseRecord={caseRecord} />} />}
          <Route path="*" element={<Navigate to={casePath(caseId)} replace />} />
        </Routes>
      </CaseTabs>
    </div>
  );
}
