import { kWhToMWh } from '../../../domain/energy/quantity.js';
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DataSentenceRecord } from '../../../domain/data-sentences/cells.js';
import type { ServiceContext } from '../../context.js';
import { assertCan } from '../auth/permissions.js';
import { clientPartiesByIds, type ClientPartyRow } from '../clients/clients.service.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { productsByIds } from '../price-lists/price-lists.service.js';
import { supplyPointsByIds, type SupplyPointPartyRow } from '../supply-points/supply-points.service.js';
import { visibleContracts } from './contracts.records.js';
import { contracts, contractSupplyPoints, type contractStates } from './contracts.schema.js';

/**
 * What the data-sentences module (CONTRACT-4) reads from contracts: one record per contract × supply point of the
 * contracts signed in a period, under the caller's access filter, with client, supply points and products read
 * through their modules in batches.
 */

export type ContractState = (typeof contractStates)[number];

export type DataSentenceRow = {
  contractId: string;
  contractNumber: string;
  /** Null for a contract without supply points (one row with the contract's and client's fields). */
  supplyPointId: string | null;
  record: DataSentenceRecord;
};

export type DataSentenceQuery = {
  /** Only contracts whose `supplier` is exactly this. */
  supplier?: string | null;
  /** Only contracts of this commodity; null or left out: both. */
  commodity?: 'electricity' | 'gas' | null;
  /** Signed on or after this day and on or before `signedTo` (calendar days in Central European time). */
  signedFrom: string;
  signedTo: string;
  states: readonly ContractState[];
};

/** Midnight of a business day (Europe/Bratislava) as an instant, so `signedAt` is compared through its index-free range. */
const startOfBusinessDay = (day: string): SQL => sql`(${day}::date::timestamp at time zone 'Europe/Bratislava')`;

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};


type ContractFields = {
  number: string;
  type: string;
  supplier: string | null;
  productName: string | null;
  startDate: string;
  endDate: string | null;
  noticePeriodMonths: number | null;
};

/**
 * One row's record as a single object literal of every field (no spreading per row): at tens of thousands of rows
 * the copying and garbage of spreads was most of the time (bench/data-sentence.ts).
 */
const recordOf = (
  contract: ContractFields,
  signedOn: string | null,
  client: ClientPartyRow | null,
  product: { code: string; name: string; supplier: string } | null,
  point: SupplyPointPartyRow | null,
): DataSentenceRecord => ({
  'contract.number': contract.number,
  'contract.type': contract.type,
  'contract.signedAt': signedOn,
  'contract.startDate': contract.startDate,
  'contract.endDate': contract.endDate,
  'contract.noticePeriodMonths': contract.noticePeriodMonths === null ? null : String(contract.noticePeriodMonths),
  'client.name': client?.name ?? null,
  'client.kind': client?.kind ?? null,
  'client.companyId': client?.companyId ?? null,
  'client.taxId': client?.taxId ?? null,
  'client.vatId': client?.vatId ?? null,
  'client.email': client?.email ?? null,
  'client.phone': client?.phone ?? null,
  'client.street': client?.street ?? null,
  'client.city': client?.city ?? null,
  'client.postalCode': client?.postalCode ?? null,
  'client.country': client?.addressCountry ?? client?.country ?? null,
  'supplyPoint.identifier': point?.identifier ?? null,
  'supplyPoint.commodity': point?.commodity ?? null,
  'supplyPoint.territoryCode': point?.territoryCode ?? null,
  'supplyPoint.distributionRate': point?.distributionRate ?? null,
  'supplyPoint.annualConsumptionMWh': point?.annualConsumptionKWh ? kWhToMWh(point.annualConsumptionKWh) : null,
  'supplyPoint.street': point?.street ?? null,
  'supplyPoint.city': point?.city ?? null,
  'supplyPoint.postalCode': point?.postalCode ?? null,
  'supplyPoint.iban': point?.iban ?? null,
  'supplyPoint.paymentMethod': point?.paymentMethod ?? null,
  'product.code': product?.code ?? null,
  'product.name': product?.name ?? contract.productName,
  'product.supplier': product?.supplier ?? contract.supplier,
});

/**
 * The rows of a data sentence, ordered by contract number and supply point identifier. Only contracts the caller may
 * see; their client and supply points are the contract's own parties and are read without a second filter.
 */
export const dataSentenceRecords = async (ctx: ServiceContext, query: DataSentenceQuery): Promise<DataSentenceRow[]> => {
  assertCan(ctx.actor, 'contracts.export');
  // One statement: the visible contracts with each of their supply points (a contract without any once, with null).
  const joined = await ctx.db
    .select({
      id: contracts.id,
      number: contracts.number,
      type: contracts.type,
      clientId: contracts.clientId,
      supplier: contracts.supplier,
      productId: contracts.productId,
      productName: contracts.productName,
      signedAt: contracts.signedAt,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      noticePeriodMonths: contracts.noticePeriodMonths,
      supplyPointId: contractSupplyPoints.supplyPointId,
    })
    .from(contracts)
    .leftJoin(contractSupplyPoints, eq(contractSupplyPoints.contractId, contracts.id))
    .where(
      and(
        visibleContracts(ctx),
        inArray(contracts.state, [...query.states]),
        gte(contracts.signedAt, startOfBusinessDay(query.signedFrom)),
        lt(contracts.signedAt, startOfBusinessDay(nextDay(query.signedTo))),
        query.supplier ? eq(contracts.supplier, query.supplier) : undefined,
        query.commodity ? eq(contracts.commodity, query.commodity) : undefined,
      ),
    )
    .orderBy(asc(contracts.number), asc(contracts.id));
  if (joined.length === 0) return [];

  const rows: typeof joined = [];
  const pointsOf = new Map<string, string[]>();
  for (const row of joined) {
    let points = pointsOf.get(row.id);
    if (!points) {
      points = [];
      pointsOf.set(row.id, points);
      rows.push(row);
    }
    if (row.supplyPointId) points.push(row.supplyPointId);
  }
  const [clientsById, pointsById, productsById] = [
    await clientPartiesByIds(ctx, rows.map((r) => r.clientId)),
    await supplyPointsByIds(ctx, [...pointsOf.values()].flat()),
    await productsByIds(ctx, rows.flatMap((r) => (r.productId ? [r.productId] : []))),
  ];

  const result: DataSentenceRow[] = [];
  for (const contract of rows) {
    const client = clientsById.get(contract.clientId) ?? null;
    const product = (contract.productId ? productsById.get(contract.productId) : undefined) ?? null;
    const signedOn = contract.signedAt ? businessDate(contract.signedAt) : null;
    const points = (pointsOf.get(contract.id) ?? [])
      .map((id) => pointsById.get(id))
      .filter((p) => p !== undefined)
      .sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
    if (points.length === 0) {
      result.push({ contractId: contract.id, contractNumber: contract.number, supplyPointId: null, record: recordOf(contract, signedOn, client, product, null) });
    }
    for (const point of points) {
      result.push({ contractId: contract.id, contractNumber: contract.number, supplyPointId: point.id, record: recordOf(contract, signedOn, client, product, point) });
    }
  }
  return result;
};

/**
 * SECURITY-CRITICAL. The ids of the contracts the caller may see, as a subquery for another module's filter (a kept
 * data sentence is visible only when every contract it contained is): the one access filter, not a copy of it.
 */
export const visibleContractIds = (ctx: ServiceContext) => ctx.db.select({ id: contracts.id }).from(contracts).where(visibleContracts(ctx));
