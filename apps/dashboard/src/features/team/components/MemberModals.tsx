import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type TeamMember } from '@trustwork/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useResetTeamMemberTwoFactor, useSignOutTeamMember, useUpdateTeamMember } from '../hooks/use-team';

interface MemberModalProps {
  /** The colleague it is about; kept while the modal animates closed. */
  member: TeamMember;
  opened: boolean;
  onClose: () => void;
}

/** Confirms deactivating or reactivating a colleague before it happens. */
export function MemberAccessModal({ member, opened, onClose }: MemberModalProps) {
  const updateMember = useUpdateTeamMember();
  const deactivating = member.active;
  const action = deactivating ? 'Deactivate' : 'Reactivate';
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={`${action} ${member.name}?`}
      confirmLabel={action}
      color={deactivating ? 'red' : 'teal'}
      errorTitle={`We couldn't ${action.toLowerCase()} ${member.name}`}
      mutation={updateMember}
      variables={{ id: member.id, changes: { active: !member.active } }}
      onConfirmed={(updated) =>
        notifications.show({
          color: 'teal',
          message: updated.active ? `${updated.name} can sign in again.` : `${updated.name} has been deactivated and signed out.`,
        })
      }
    >
      <Text>
        {deactivating
          ? 'They will be signed out and can no longer sign in. You can reactivate them later.'
          : 'They will be able to sign in again with their existing password.'}
      </Text>
    </ConfirmModal>
  );
}

/** Ends every sign-in a colleague has: a lost laptop, a shared computer left signed in. */
export function SignOutMemberModal({ member, opened, onClose }: MemberModalProps) {
  const signOut = useSignOutTeamMember();
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={`Sign ${member.name} out everywhere?`}
      confirmLabel="Sign out everywhere"
      errorTitle={`We couldn't sign ${member.name} out`}
      mutation={signOut}
      variables={member}
      onConfirmed={() => notifications.show({ color: 'teal', message: `${member.name} has been signed out on every device.` })}
    >
      <Text>
        Every browser where they are signed in closes its session at once. They can sign in again with their password; anything
        they had not saved is lost.
      </Text>
    </ConfirmModal>
  );
}

/** For a colleague who lost their phone: two-factor goes off, and they set it up again. */
export function ResetTwoFactorModal({ member, opened, onClose }: MemberModalProps) {
  const reset = useResetTeamMemberTwoFactor();
  const { practice } = useCurrentUser();
  const afterwards = practice.requireTwoFactor
    ? 'The practice requires two-factor, so they will set it up again at their next sign-in.'
    : 'They will sign in with their password alone until they set it up again in Your settings.';
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={`Reset two-factor for ${member.name}?`}
      confirmLabel="Reset two-factor"
      errorTitle={`We couldn't reset ${member.name}'s two-factor`}
      mutation={reset}
      variables={member}
      onConfirmed={() => notifications.show({ color: 'teal', message: `${member.name}'s two-factor has been reset. ${afterwards}` })}
    >
      <Text>
        Do this when they have lost their phone or their recovery codes. The codes from their authenticator app and their
        recovery codes stop working. {afterwards}
      </Text>
    </ConfirmModal>
  );
}
