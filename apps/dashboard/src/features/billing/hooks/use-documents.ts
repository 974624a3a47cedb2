import { fetchStatementPdf, fetchSuperbillPdf } from '../api/documents-api';
import { useDownloadPdf } from './use-billing-change';

export const useDownloadStatement = () => useDownloadPdf(fetchStatementPdf);
export const useDownloadSuperbill = () => useDownloadPdf(fetchSuperbillPdf);
