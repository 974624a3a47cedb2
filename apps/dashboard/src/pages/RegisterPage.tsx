import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { AuthLayout } from '../features/auth/components/AuthLayout';
import { RegisterForm } from '../features/auth/components/RegisterForm';

export default function RegisterPage() {
  return (
    <AuthLayout
      title="Register your practice"
      subtitle="You will be its owner and can add your colleagues afterwards."
      footer={
        <>
          Already registered?{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </>
      }
    >
      <RegisterForm />
    </AuthLayout>
  );
}
