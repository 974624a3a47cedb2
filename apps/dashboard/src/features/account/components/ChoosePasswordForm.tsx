import { PasswordChangeForm } from './PasswordChangeForm';

/** At first sign-in with a temporary password: the person chooses their own before anything else. */
export function ChoosePasswordForm({ onChosen }: { onChosen(): void }) {
  return <PasswordChangeForm currentLabel="Temporary password" submitLabel="Choose password" onChanged={onChosen} />;
}
