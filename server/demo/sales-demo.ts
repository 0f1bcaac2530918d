import type { ServiceContext } from '../context.js';
import { createActivity } from '../modules/activities/activities.service.js';
import { changeCaseStage, createCase, getCase } from '../modules/cases/cases.service.js';
import { runCaseAction } from '../modules/cases/cases.actions.js';
import { createLead } from '../modules/leads/leads.service.js';
import { createProcessTemplate } from '../modules/processes/processes.service.js';
import { createQueueRule } from '../modules/queues/queues.service.js';

export type DemoClient = { id: string; name: string; companyId: string | null; country: string; supplyPointIds: string[] };

const day = 86_400_000;
const at = (ctx: ServiceContext, days: number, hour = 9) => {
  const d = new Date(ctx.now().getTime() + days * day);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d;
};

/** The two processes of SALES-6 the demo shows: gates ask for supply points, demand, dates and securities. */
const createDemoProcesses = async (admin: ServiceContext, ownerId: string) => {
  const municipal = await createProcessTemplate(admin, {
    ownerId,
    name: 'Obecný podnik / Municipal utility',
    description: 'Public procurement: supply points and demand first, then the offer and the securities.',
    isActive: true,
    stages: [
      { name: 'Kvalifikácia', requiredFields: [], tasks: [{ title: 'Overiť rozhodovací proces obce', dueInDays: 2 }] },
      {
        name: 'Analýza potreby',
        requiredFields: ['participants'],
        tasks: [
          { title: 'Zozbierať odberné miesta', fieldKey: 'supplyPointIds', dueInDays: 5 },
          { title: 'Zistiť ročnú spotrebu', fieldKey: 'totalDemand', dueInDays: 5 },
        ],
      },
      {
        name: 'Ponuka',
        requiredFields: ['supplyPointIds', 'totalDemand'],
        tasks: [
          { title: 'Nacenenie ponuky', departmentEmail: 'pricing@demo.kilowatt', dueInDays: 3 },
          { title: 'Termín rozhodnutia', fieldKey: 'expectedCloseDate', dueInDays: 3 },
        ],
      },
      { name: 'Rokovanie', requiredFields: ['expectedCloseDate'], tasks: [{ title: 'Dohodnúť zábezpeku', fieldKey: 'securityKind', dueInDays: 7 }] },
      { name: 'Vyhraté', requiredFields: ['securityKind'], closesAs: 'won', tasks: [] },
      { name: 'Prehraté', requiredFields: [], closesAs: 'lost', tasks: [] },
    ],
  });
  const industrial = await createProcessTemplate(admin, {
    ownerId,
    name: 'Priemyselný zákazník / Industrial customer',
    description: 'Technical audit of the sites, then an offer priced from the load profile.',
    isActive: true,
    stages: [
      { name: 'Kvalifikácia', requiredFields: [], tasks: [] },
      {
        name: 'Technický audit',
        requiredFields: ['supplyPointIds'],
        tasks: [{ title: 'Potenciál podľa komodít', fieldKey: 'potentials', dueInDays: 7 }],
      },
      { name: 'Ponuka', requiredFields: ['potentials', 'totalDemand'], tasks: [{ title: 'Kalkulácia', departmentEmail: 'pricing@demo.kilowatt', dueInDays: 2 }] },
      { name: 'Zmluva', requiredFields: ['expectedCloseDate', 'securityKind', 'securityAmount'], tasks: [] },
      { name: 'Vyhraté', requiredFields: [], closesAs: 'won', tasks: [] },
      { name: 'Prehraté', requiredFields: [], closesAs: 'lost', tasks: [] },
    ],
  });
  return { municipal, industrial };
};

/** Leads of a salesperson; the first repeats a client's company ID, so the duplicate check has something to show. */
const createDemoLeads = async (ctx: ServiceContext, clients: DemoClient[], names: string[]) => {
  const duplicateOf = clients.find((c) => c.companyId && c.country === 'SK');
  for (const [i, name] of names.entries()) {
    await createLead(ctx, {
      kind: 'company',
      name,
      country: 'SK',
      companyId: i === 0 && duplicateOf ? duplicateOf.companyId : null,
      email: `obchod${i}@${name.toLowerCase().replace(/[^a-z]+/g, '')}.sk`,
      phone: `+42190555${String(1000 + i * 37).slice(-4)}`,
      contactFirstName: ['Peter', 'Jana', 'Martin', 'Eva'][i % 4]!,
      contactLastName: ['Kováč', 'Horváthová', 'Baláž', 'Tóthová'][i % 4]!,
      priority: 1 + (i % 4),
      source: i % 2 === 0 ? 'Reinet' : 'manual',
      marketingConsent: 'granted',
      attributes: {},
      totalDemand: String(200 + i * 150),
      totalDemandUnit: 'MWh',
      potentials: [
        { commodity: 'electricity', territoryCode: i % 2 === 0 ? 'sk-zsd' : 'sk-ssd', quantity: String(120 + i * 90), quantityUnit: 'MWh', priceModel: 'fixed' },
        ...(i % 3 === 0 ? [{ commodity: 'gas' as const, territoryCode: 'sk-sppd', quantity: String(80 + i * 60), quantityUnit: 'MWh' as const, priceModel: 'indexed' as const }] : []),
      ],
    });
  }
};

/** Cases of a salesperson's clients in a process, moved through its gates, with activities around them. */
const createDemoCases = async (ctx: ServiceContext, clients: DemoClient[], process: { id: string; stages: { id: string }[] }, territory: string) => {
  for (const [i, client] of clients.slice(0, 5).entries()) {
    const created = await createCase(ctx, {
      clientId: client.id,
      name: `${i % 2 === 0 ? 'Elektrina' : 'Plyn'} 2027 — ${client.name}`,
      type: i === 4 ? 'retention' : 'acquisition',
      commodity: i % 2 === 0 ? 'electricity' : 'gas',
      processTemplateId: process.id,
      // The first two have their supply points linked, which both processes' second stage asks for.
      supplyPointIds: i < 2 ? client.supplyPointIds : [],
      priority: 1 + (i % 3),
      territoryCode: territory,
      potentials: [{ commodity: i % 2 === 0 ? 'electricity' : 'gas', territoryCode: territory, quantity: String(150 + i * 75), quantityUnit: 'MWh', priceModel: 'fixed' }],
    });
    // The first two cases move on to the second stage (its gate is met); the others wait in the first.
    if (i < 2) {
      const detail = await getCase(ctx, created.id);
      await changeCaseStage(ctx, created.id, { stageId: process.stages[1]!.id, version: detail.version });
    }
    await runCaseAction(ctx, created.id, { action: 'call', outcome: 'reached', note: 'Prvý kontakt, záujem o ponuku', at: at(ctx, -3 - i, 10) });
    if (i % 2 === 0)
      await runCaseAction(ctx, created.id, { action: 'meeting', startAt: at(ctx, 1 + i, 10), endAt: at(ctx, 1 + i, 11), location: 'U klienta' });
    await createActivity(ctx, {
      kind: 'task',
      subject: `Pripraviť podklady — ${client.name}`,
      startAt: at(ctx, i === 0 ? -2 : 0, 8).toISOString(),
      dueAt: at(ctx, i === 0 ? -1 : 0, 16).toISOString(),
      caseId: created.id,
      clientId: client.id,
    });
  }
};

/**
 * The sales pipeline of the demo (SALES-1 to SALES-8): processes, leads, cases with activities and meetings, and
 * work-queue rules for the West and East teams.
 */
export const loadSalesDemo = async (
  contexts: { admin: ServiceContext; sales: ServiceContext; sales2: ServiceContext },
  ownerId: string,
  teams: { west: string; east: string },
  clientsOf: { sales: DemoClient[]; sales2: DemoClient[] },
) => {
  const { municipal, industrial } = await createDemoProcesses(contexts.admin, ownerId);
  await createDemoLeads(contexts.sales, clientsOf.sales, ['Teplárne Senec', 'Obec Veľký Biel', 'Pekáreň Zlatý klas', 'Mliekareň Hlohovec', 'Hotel Dunaj Bratislava']);
  await createDemoLeads(contexts.sales2, clientsOf.sales2, ['Mesto Svidník', 'Strojáreň Prešov', 'Pivovar Šariš Veľký']);
  await createDemoCases(contexts.sales, clientsOf.sales, municipal, 'sk-zsd');
  await createDemoCases(contexts.sales2, clientsOf.sales2, industrial, 'sk-vsd');
  for (const [team, name] of [
    [teams.west, 'Západ — telefonicky'],
    [teams.east, 'Východ — telefonicky'],
  ] as const)
    await createQueueRule(contexts.admin, { name, channel: 'phone', teamId: team, recordTypes: ['lead', 'case'], territoryCodes: [], maxPriority: 5, dailyCapacity: 25, position: 0, isActive: true });
  await createQueueRule(contexts.admin, { name: 'Západ — návštevy', channel: 'field', teamId: teams.west, recordTypes: ['case'], territoryCodes: [], maxPriority: 3, dailyCapacity: 3, position: 1, isActive: true });
};
