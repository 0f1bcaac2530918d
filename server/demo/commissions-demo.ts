import dayjs from 'dayjs';
import { inArray } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { createCase } from '../modules/cases/cases.service.js';
import { endContract, changeContractSigningState, createContract, getContract } from '../modules/contracts/contracts.service.js';
import { createRule } from '../modules/commissions/commissions.rules.js';
import { approveStatement, getStatementFor } from '../modules/commissions/commissions.statements.js';
import { supplyPoints } from '../modules/supply-points/supply-points.schema.js';
import type { DemoClient } from './sales-demo.js';

const voltia = 'Voltia Energy, a.s.';
const nordgas = 'Nordgas Trading s.r.o.';

/** Part on signature, part on the start of supply, the rest a year into supply: the usual broker model. */
const staged = {
  kind: 'multiStage' as const,
  stages: [
    { percent: '30', trigger: { event: 'signature' as const } },
    { percent: '30', trigger: { event: 'supplyStart' as const } },
    { percent: '40', trigger: { event: 'monthsAfterSupplyStart' as const, months: 12 } },
  ],
};

/** Commission rules of the Slovak owner company, scoped to the demo's suppliers. */
const createDemoRules = async (admin: ServiceContext) => {
  const from = '2026-01-01';
  const rules = [
    { kind: 'sales', name: 'Voltia — elektrina, firmy', supplier: voltia, clientKind: 'company', basis: { kind: 'perMWh', amount: '2.50' }, payoutModel: staged, clawback: 'proRata' },
    { kind: 'sales', name: 'Voltia — elektrina, domácnosti', supplier: voltia, clientKind: 'person', basis: { kind: 'perSupplyPoint', amount: '25' }, payoutModel: { kind: 'oneOff', trigger: { event: 'signature' } }, clawback: 'full' },
    { kind: 'sales', name: 'Nordgas — plyn', supplier: nordgas, basis: { kind: 'perMWh', amount: '1.20' }, payoutModel: { kind: 'instalments', count: 4, everyMonths: 3, trigger: { event: 'supplyStart' } }, clawback: 'proRata' },
    { kind: 'company', name: 'Voltia — firemná provízia', supplier: voltia, basis: { kind: 'perMWh', amount: '4.00' }, payoutModel: { kind: 'oneOff', trigger: { event: 'supplyStart' } }, clawback: 'proRata' },
    { kind: 'company', name: 'Nordgas — firemná provízia', supplier: nordgas, basis: { kind: 'perMWh', amount: '1.50' }, payoutModel: { kind: 'oneOff', trigger: { event: 'supplyStart' } }, clawback: 'proRata' },
  ] as const;
  for (const rule of rules) await createRule(admin, { ...rule, validFrom: from });
};

/**
 * Commissions in the demo (COMM-1 to COMM-5): rules, and contracts signed last month and this month whose commissions
 * were generated on signing, one split between two participants, one cancelled (a clawback); finance approved last
 * month's statements, so this month's are left to approve. Signed through the signing states, as Signi's reports move
 * them. Only sales@'s and sales2@'s clients; sales@ has nothing due this month, so a statement of theirs shows only
 * what a user does.
 */
export const loadCommissionsDemo = async (
  contexts: { admin: ServiceContext; sales: ServiceContext; sales2: ServiceContext; finance: ServiceContext; system: ServiceContext },
  people: { sales: string; sales2: string; manager: string },
  clientsOf: { sales: DemoClient[]; sales2: DemoClient[] },
) => {
  await createDemoRules(contexts.admin);
  const now = dayjs(contexts.system.now());
  const lastMonth = now.subtract(1, 'month');
  const supplyStart = now.add(1, 'year').startOf('year');
  const allPoints = [...clientsOf.sales, ...clientsOf.sales2].flatMap((c) => c.supplyPointIds);
  const commodityOf = new Map(
    (await contexts.system.db.select({ id: supplyPoints.id, commodity: supplyPoints.commodity }).from(supplyPoints).where(inArray(supplyPoints.id, allPoints))).map((p) => [p.id, p.commodity]),
  );
  const sign = async (ctx: ServiceContext, client: DemoClient | undefined, signedAt: Date, participants: { userId: string; share: string }[]) => {
    // A demo with few clients (benches load eight) signs fewer contracts.
    if (!client) return null;
    const pointId = client.supplyPointIds[0]!;
    const commodity = commodityOf.get(pointId)!;
    const kase = await createCase(ctx, { clientId: client.id, name: `Zmluva ${commodity === 'gas' ? 'plyn' : 'elektrina'} — ${client.name}`, type: 'acquisition', commodity, supplyPointIds: [pointId], participants });
    const contract = await createContract(ctx, {
      clientId: client.id,
      caseId: kase.id,
      type: 'supply',
      commodity,
      supplier: commodity === 'gas' ? nordgas : voltia,
      productName: commodity === 'gas' ? 'Nordgas Plyn Fix' : 'Voltia Fix 2026',
      startDate: supplyStart.format('YYYY-MM-DD'),
      endDate: supplyStart.add(2, 'year').subtract(1, 'day').format('YYYY-MM-DD'),
      noticePeriodMonths: 3,
      supplyPointIds: [pointId],
      signatoryContactIds: [],
    });
    await changeContractSigningState(contexts.system, contract.id, 'sentForSignature', signedAt);
    await changeContractSigningState(contexts.system, contract.id, 'signed', signedAt);
    return contract;
  };
  const [west1, west2] = clientsOf.sales;
  const [east1, east2, east3] = clientsOf.sales2;
  await sign(contexts.sales, west1, lastMonth.date(5).hour(10).toDate(), [{ userId: people.sales, share: '100' }]);
  await sign(contexts.sales, west2, lastMonth.date(12).hour(10).toDate(), [
    { userId: people.sales, share: '70' },
    { userId: people.manager, share: '30' },
  ]);
  await sign(contexts.sales2, east1, lastMonth.date(20).hour(10).toDate(), [{ userId: people.sales2, share: '100' }]);
  // Last month's statements are approved (and locked) by finance.
  for (const userId of [people.sales, people.manager, people.sales2]) {
    const preview = await getStatementFor(contexts.finance, userId, lastMonth.format('YYYY-MM'));
    if (preview.lines.length > 0) await approveStatement(contexts.finance, { userId, period: lastMonth.format('YYYY-MM'), expectedTotal: preview.total });
  }
  // This month: a new contract of sales2@, and last month's contract of sales2@'s other client cancelled (a clawback).
  const cancelled = await sign(contexts.sales2, east2, lastMonth.date(25).hour(10).toDate(), [{ userId: people.sales2, share: '100' }]);
  await sign(contexts.sales2, east3, now.startOf('month').hour(10).toDate(), [{ userId: people.sales2, share: '100' }]);
  if (!cancelled) return;
  const current = await getContract(contexts.sales2, cancelled.id);
  await endContract(contexts.sales2, cancelled.id, { kind: 'cancel', endedOn: now.startOf('month').format('YYYY-MM-DD'), reason: 'Klient odstúpil od zmluvy', version: current.version });
};
