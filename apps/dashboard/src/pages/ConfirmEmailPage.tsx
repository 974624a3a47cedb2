import { AuthLayout } from '../features/auth/components/AuthLayout';
import { EmailConfirmation } from '../features/auth/components/EmailConfirmation';

export default function ConfirmEmailPage() {
  return (
    <AuthLayout title="Confirm your e-mail address">
      <EmailConfirmation />
    </AuthLayout>
  );
}
