import { useCallback, useMemo } from 'react';
import { type AgreementQuery } from '@trustwork/contracts';
import { useAddressParams } from '../../../lib/use-address-params';

/** Address parameters of the Agreements page, so a view can be bookmarked and Back steps through it. */
const PARAMS = { includeArchived: 'archived', agreement: 'agreement', version: 'version' } as const;

/** The agreements page's view: whether archived ones show, and which agreement (and version) is open. */
export function useAgreementsView() {
  const { params, changeParams } = useAddressParams();
  const includeArchived = params.get(PARAMS.includeArchived) === 'true';
  const query = useMemo<AgreementQuery>(() => ({ includeArchived: includeArchived || undefined }), [includeArchived]);
  const versionParam = Number(params.get(PARAMS.version));

  const showArchived = useCallback(
    (show: boolean) => changeParams({ [PARAMS.includeArchived]: show ? 'true' : null }, { replace: true }),
    [changeParams],
  );
  /** Opens an agreement (null closes it), at `version` or its current one. */
  const openAgreement = useCallback(
    (id: string | null, version: number | null = null) =>
      changeParams({ [PARAMS.agreement]: id, [PARAMS.version]: version === null ? null : String(version) }, { replace: false }),
    [changeParams],
  );

  return {
    query,
    includeArchived,
    showArchived,
    openAgreementId: params.get(PARAMS.agreement),
    // A stale or hand-typed version that is not a whole number opens the current one.
    openVersion: Number.isInteger(versionParam) && versionParam > 0 ? versionParam : null,
    openAgreement,
  };
}

export type AgreementsView = ReturnType<typeof useAgreementsView>;
