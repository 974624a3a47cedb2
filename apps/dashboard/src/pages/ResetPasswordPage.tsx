import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { AuthLayout } from '../features/auth/components/AuthLayout';
import { ResetPasswordForm } from '../features/auth/components/ResetPasswordForm';

export default function ResetPasswordPage() {
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="You'll be signed out everywhere, then sign in with the new one."
      footer={
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      }
    >
      <ResetPasswordForm />
    </AuthLayout>
  );
}
