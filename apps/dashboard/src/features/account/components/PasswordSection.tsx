import { notifications } from '@mantine/notifications';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SettingsSection } from './SettingsSection';

export function PasswordSection() {
  return (
    <SettingsSection title="Password" description="Changing it signs you out on every other device; this one stays signed in.">
      <PasswordChangeForm
        currentLabel="Current password"
        submitLabel="Change password"
        onChanged={() =>
          notifications.show({
            color: 'teal',
            title: 'Password changed',
            message: 'Your other devices have been signed out. Sign in there with your new password.',
          })
        }
      />
    </SettingsSection>
  );
}
