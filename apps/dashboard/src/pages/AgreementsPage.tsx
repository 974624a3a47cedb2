import { Switch } from '@mantine/core';
import { PageHeader } from '../components/PageHeader';
import { AgreementDrawer } from '../features/agreements/components/AgreementDrawer';
import { AgreementList } from '../features/agreements/components/AgreementList';
import { NewAgreementButton } from '../features/agreements/components/NewAgreementButton';
import { useAgreementsView } from '../features/agreements/hooks/use-agreements-view';

export default function AgreementsPage() {
  const view = useAgreementsView();
  return (
    <>
      <PageHeader
        title="Agreements"
        description="What each person of a case signs in the portal: informed consent, the confidentiality policy and the rest."
        actions={<NewAgreementButton onCreated={view.openAgreement} />}
      />
      <Switch
        label="Show archived agreements"
        checked={view.includeArchived}
        onChange={(event) => view.showArchived(event.currentTarget.checked)}
        mb="lg"
      />
      <AgreementList view={view} />
      <AgreementDrawer view={view} />
    </>
  );
}
