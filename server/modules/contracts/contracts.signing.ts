import { businessDate } from '../code-lists/energy-reference.service.js';
import type { ContractDocumentData } from '../../../domain/documents/placeholders.js';
import type { ServiceContext } from '../../context.js';
import { AppError, type FieldProblem, invalidFields } from '../../http/errors.js';
import { assertCan } from '../auth/permissions.js';
import { documentClient, documentPersonOf, documentSupplyPoints } from '../documents/document-data.js';
import { registerDocumentAccess, renderDocumentPdf, storeDocument } from '../documents/documents.service.js';
import {
  getSignedPdf,
  listSignatureRequests,
  onSignatureStateChanged,
  requestSignature,
  type SignatureRequestView,
  type SigningSetup,
} from '../signature-requests/signature-requests.service.js';
import type { SignatureState } from '../signature-requests/signature-requests.schema.js';
import type { ContractDetail } from './contracts.api.js';
import { loadVisibleContract, toDetail } from './contracts.records.js';
import { changeContractSigningState } from './contracts.service.js';

/** The contract as its document template sees it (CONTRACT-5): the client's own data fills the template. */
export const contractDocumentData = async (ctx: ServiceContext, contract: ContractDetail): Promise<ContractDocumentData> => {
  const { client, contacts } = await documentClient(ctx, contract.clientId);
  const signing = new Set(contract.signatories.map((s) => s.contactId));
  // The contract's own supply points, read in one statement: access was checked on the contract.
  const points = await documentSupplyPoints(ctx, contract.supplyPointIds, 'MWh');
  const supplyPoints = contract.supplyPointIds.flatMap((id) => points.get(id) ?? []);
  return {
    client,
    contacts: contacts.map(documentPersonOf),
    signingPersons: contract.signatories.flatMap((s) => contacts.filter((c) => c.id === s.contactId && signing.has(c.id)).map(documentPersonOf)),
    supplyPoints,
    lines: supplyPoints.map((supplyPoint) => ({
      supplyPoint,
      product: contract.productName,
      deliveryFrom: contract.startDate,
      deliveryTo: contract.endDate,
      quantity: supplyPoint.annualConsumption,
      quantityUnit: supplyPoint.consumptionUnit,
      currentCost: null,
      offeredCost: null,
      saving: null,
      savingPercent: null,
    })),
    totals: { quantity: null, quantityUnit: null, currentCost: null, offeredCost: null, saving: null, savingPercent: null },
    contract: {
      number: contract.number,
      // The calendar day in Central Europe, as the data sentence and the commissions count it (not the UTC day).
      concludedOn: contract.signedAt ? businessDate(contract.signedAt) : null,
      validFrom: contract.startDate,
      validTo: contract.endDate,
      noticeDeadline: contract.noticeDeadline,
      offerNumber: null,
    },
  };
};

/** The contract's PDF from the company's contract template, as it would be sent now. */
const renderContract = async (ctx: ServiceContext, contract: ContractDetail) => ({
  fileName: `${contract.number}.pdf`,
  pdf: await renderDocumentPdf(ctx, 'contract', await contractDocumentData(ctx, contract), { ownerId: contract.ownerId, title: contract.number }),
});

export const contractPdf = async (ctx: ServiceContext, id: string): Promise<{ fileName: string; pdf: Buffer }> => {
  assertCan(ctx.actor, 'contracts.read');
  return renderContract(ctx, await toDetail(ctx, await loadVisibleContract(ctx, id)));
};

/**
 * Sends the contract for electronic signature (CONTRACT-2): renders it, keeps the PDF sent, and asks Signi to have
 * the client's signing persons sign it. Signi is called before anything is recorded, so a failed call leaves the
 * contract a draft and says why (`signature.provider_failed`); once Signi accepts, the contract becomes
 * `sentForSignature` in the same transaction as the request (the handler below).
 */
export const sendContractForSignature = async (ctx: ServiceContext, signing: SigningSetup | null, id: string): Promise<ContractDetail> => {
  assertCan(ctx.actor, 'contracts.write');
  const contract = await toDetail(ctx, await loadVisibleContract(ctx, id));
  if (contract.archivedAt) throw new AppError('contract.archived', 'The contract is archived');
  if (!['draft', 'rejected', 'expired'].includes(contract.state)) {
    throw new AppError('contract.wrong_state', `A ${contract.state} contract is not sent for signature`);
  }
  const problems: FieldProblem[] = [];
  if (contract.signatories.length === 0) problems.push({ path: 'signatoryContactIds', code: 'required', message: 'the contract needs at least one signing person' });
  contract.signatories.forEach((s, i) => {
    if (!s.email) problems.push({ path: `signatoryContactIds.${i}`, code: 'email_required', message: `${s.name} has no e-mail for the signing invitation` });
  });
  if (problems.length > 0) throw invalidFields(problems);
  // Rendered only once the contract may be sent: a refused request costs no PDF.
  const { fileName, pdf } = await renderContract(ctx, contract);
  await requestSignature(ctx, signing, {
    recordType: 'contract',
    recordId: contract.id,
    title: contract.productName ? `${contract.number} – ${contract.productName}` : contract.number,
    reference: contract.number,
    fileName,
    pdf,
    signers: contract.signatories.map((s) => ({ name: s.name, email: s.email!, phone: s.phone?.replace(/[^+0-9 ]/g, '') || null, order: s.position })),
  });
  await storeDocument(ctx, { ownerId: contract.ownerId, recordType: 'contract', recordId: contract.id, documentType: 'contract', fileName, mediaType: 'application/pdf', content: pdf });
  return toDetail(ctx, await loadVisibleContract(ctx, id));
};

/** The contract's signature requests, newest first (404 outside the caller's rights). */
export const contractSignatureRequests = async (ctx: ServiceContext, id: string): Promise<SignatureRequestView[]> => {
  assertCan(ctx.actor, 'contracts.read');
  await loadVisibleContract(ctx, id);
  return listSignatureRequests(ctx, 'contract', id);
};

/** The signed PDF of the contract's latest signed request; 404 before it is signed or outside the caller's rights. */
export const signedContractPdf = async (ctx: ServiceContext, id: string): Promise<{ fileName: string; bytes: Buffer }> => {
  const signed = (await contractSignatureRequests(ctx, id)).find((r) => r.state === 'signed' && r.hasSignedPdf);
  const file = signed ? await getSignedPdf(ctx, signed.id) : null;
  if (!file) throw new AppError('not_found', 'The contract has no signed PDF yet');
  return file;
};

const contractStateOf: Partial<Record<SignatureState, 'sentForSignature' | 'signed' | 'rejected' | 'expired'>> = {
  sent: 'sentForSignature',
  signed: 'signed',
  rejected: 'rejected',
  expired: 'expired',
};

// Signi's reports move the contract in the same transaction as the signature request; commissions hook onto `signed`.
onSignatureStateChanged('contract', async (ctx, change) => {
  const state = contractStateOf[change.to];
  if (!state) return;
  const contract = await changeContractSigningState(ctx, change.recordId, state, change.at);
  if (state === 'signed' && change.signedPdf) {
    await storeDocument(ctx, {
      ownerId: contract.ownerId,
      recordType: 'contract',
      recordId: contract.id,
      documentType: 'contract',
      fileName: `${contract.number}-signed.pdf`,
      mediaType: 'application/pdf',
      content: change.signedPdf,
    });
  }
});

registerDocumentAccess('contract', (ctx, id) => loadVisibleContract(ctx, id));
