import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { AuthLayout } from '../features/auth/components/AuthLayout';
import { ForgotPasswordForm } from '../features/auth/components/ForgotPasswordForm';

export default function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Forgot your password?"
      subtitle="Enter the address you sign in with and we'll e-mail you a link to choose a new one."
      footer={
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
