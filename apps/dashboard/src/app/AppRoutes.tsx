import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FullPageLoader } from '../components/Loading';
import { LoadErrorBoundary } from '../components/LoadErrorBoundary';
import { RedirectIfSignedIn } from '../features/auth/components/RedirectIfSignedIn';
import { RequireSession } from '../features/auth/components/RequireSession';
import { SessionGate } from '../features/auth/components/SessionGate';
import { WaitForSession } from '../features/auth/components/WaitForSession';
// The first screen of every visit without a session comes with the app rather than after it.
import SignInPage from '../pages/SignInPage';

// The app shell (navigation, menus) is for signed-in people: fetched while their session is restored.
const loadAppLayout = () => import('../features/app-shell/components/AppLayout').then((module) => ({ default: module.AppLayout }));
const AppLayout = lazy(loadAppLayout);
// Each other page is its own chunk, so signing in does not download the whole app.
const RegisterPage = lazy(() => import('../pages/RegisterPage'));
const ForgotPasswordPage = lazy(() => import('../pages/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../pages/ResetPasswordPage'));
const ConfirmEmailPage = lazy(() => import('../pages/ConfirmEmailPage'));
const HomePage = lazy(() => import('../pages/HomePage'));
const CalendarPage = lazy(() => import('../pages/CalendarPage'));
const CaseloadPage = lazy(() => import('../pages/CaseloadPage'));
const NewCasePage = lazy(() => import('../pages/NewCasePage'));
const IntakePage = lazy(() => import('../pages/IntakePage'));
const CasePage = lazy(() => import('../pages/CasePage'));
const NoteEditorPage = lazy(() => import('../pages/NoteEditorPage'));
const SessionBriefPage = lazy(() => import('../pages/SessionBriefPage'));
const LibraryPage = lazy(() => import('../pages/LibraryPage'));
const AgreementsPage = lazy(() => import('../pages/AgreementsPage'));
const TeamPage = lazy(() => import('../pages/TeamPage'));
const AuditPage = lazy(() => import('../pages/AuditPage'));
const BillingPage = lazy(() => import('../pages/BillingPage'));
const BillingSettingsPage = lazy(() => import('../pages/BillingSettingsPage'));
const SettingsPage = lazy(() => import('../pages/SettingsPage'));
const PracticeSettingsPage = lazy(() => import('../pages/PracticeSettingsPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export function AppRoutes() {
  return (
    <SessionGate>
      <LoadErrorBoundary variant="full">
        <Suspense fallback={<FullPageLoader label="Loading…" />}>
          <Routes>
            <Route element={<RedirectIfSignedIn />}>
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="register" element={<RegisterPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
            </Route>
            <Route element={<WaitForSession meanwhile={loadAppLayout} />}>
              {/* E-mailed links work whoever is signed in on this browser, if anyone. */}
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route path="confirm-email" element={<ConfirmEmailPage />} />
              <Route element={<RequireSession />}>
                <Route element={<AppLayout />}>
                  <Route index element={<HomePage />} />
                  <Route path="calendar" element={<CalendarPage />} />
                  <Route path="cases" element={<CaseloadPage />} />
                  <Route path="cases/new" element={<NewCasePage />} />
                  <Route path="cases/new/intake" element={<IntakePage />} />
                  <Route path="cases/:caseId/sessions/:sessionId/note" element={<NoteEditorPage />} />
                  <Route path="sessions/:sessionId/brief" element={<SessionBriefPage />} />
                  {/* The case page owns its tabs: timeline (index), sessions, and later homework and progress. */}
                  <Route path="cases/:caseId/*" element={<CasePage />} />
                  <Route path="library" element={<LibraryPage />} />
                  <Route path="agreements" element={<AgreementsPage />} />
                  <Route path="team" element={<TeamPage />} />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="billing" element={<BillingPage />} />
                  <Route path="billing/settings" element={<BillingSettingsPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                  <Route path="practice" element={<PracticeSettingsPage />} />
                </Route>
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </LoadErrorBoundary>
    </SessionGate>
  );
}
