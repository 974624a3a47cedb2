import { PageHeader } from '../components/PageHeader';

// Placeholder: being built in this change.
export default function NoteEditorPage() {
  return <PageHeader title="NoteEditorPage" />;
}
