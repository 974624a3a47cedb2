import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { AuthLayout } from '../features/auth/components/AuthLayout';
import { SignInForm } from '../features/auth/components/SignInForm';

export default function SignInPage() {
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to your practice."
      footer={
        <>
          New to Trustwork?{' '}
          <Anchor component={Link} to="/register">
            Register your practice
          </Anchor>
        </>
      }
    >
      <SignInForm />
    </AuthLayout>
  );
}
