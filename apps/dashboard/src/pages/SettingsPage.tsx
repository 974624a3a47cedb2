import { Stack } from '@mantine/core';
import { PageHeader } from '../components/PageHeader';
import { CalendarFeedSection } from '../features/account/components/CalendarFeedSection';
import { PasswordSection } from '../features/account/components/PasswordSection';
import { ProfileSection } from '../features/account/components/ProfileSection';
import { SignedInDevicesSection } from '../features/account/components/SignedInDevicesSection';
import { TwoFactorSection } from '../features/account/components/TwoFactorSection';
import { WeeklyDigestSection } from '../features/account/components/WeeklyDigestSection';

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Your settings" description="Your own sign-in and e-mail settings. Nobody else in the practice sees them." />
      <Stack gap="lg" maw={880}>
        <ProfileSection />
        <PasswordSection />
        <TwoFactorSection />
        <SignedInDevicesSection />
        <WeeklyDigestSection />
        <CalendarFeedSection />
      </Stack>
    </>
  );
}
