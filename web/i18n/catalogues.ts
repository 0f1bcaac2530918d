// One file per area and language, so each feature owns its wording. Add an area here in both languages.
import enActivities from './en/activities.json' with { type: 'json' };
import enAddresses from './en/addresses.json' with { type: 'json' };
import enAdmin from './en/admin.json' with { type: 'json' };
import enAuth from './en/auth.json' with { type: 'json' };
import enCalendar from './en/calendar.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import enClients from './en/clients.json' with { type: 'json' };
import enCommissions from './en/commissions.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import enContacts from './en/contacts.json' with { type: 'json' };
import enDocuments from './en/documents.json' with { type: 'json' };
import enContracts from './en/contracts.json' with { type: 'json' };
import enDataSentences from './en/dataSentences.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enLeads from './en/leads.json' with { type: 'json' };
import enOffers from './en/offers.json' with { type: 'json' };
import enPriceLists from './en/priceLists.json' with { type: 'json' };
import enProcesses from './en/processes.json' with { type: 'json' };
import enQueues from './en/queues.json' with { type: 'json' };
import enShell from './en/shell.json' with { type: 'json' };
import enSupplyPoints from './en/supplyPoints.json' with { type: 'json' };
import enTokens from './en/tokens.json' with { type: 'json' };
import enValidation from './en/validation.json' with { type: 'json' };
import skActivities from './sk/activities.json' with { type: 'json' };
import skAddresses from './sk/addresses.json' with { type: 'json' };
import skAdmin from './sk/admin.json' with { type: 'json' };
import skAuth from './sk/auth.json' with { type: 'json' };
import skCalendar from './sk/calendar.json' with { type: 'json' };
import skCases from './sk/cases.json' with { type: 'json' };
import skClients from './sk/clients.json' with { type: 'json' };
import skCommissions from './sk/commissions.json' with { type: 'json' };
import skCommon from './sk/common.json' with { type: 'json' };
import skContacts from './sk/contacts.json' with { type: 'json' };
import skDocuments from './sk/documents.json' with { type: 'json' };
import skContracts from './sk/contracts.json' with { type: 'json' };
import skDataSentences from './sk/dataSentences.json' with { type: 'json' };
import skErrors from './sk/errors.json' with { type: 'json' };
import skLeads from './sk/leads.json' with { type: 'json' };
import skOffers from './sk/offers.json' with { type: 'json' };
import skPriceLists from './sk/priceLists.json' with { type: 'json' };
import skProcesses from './sk/processes.json' with { type: 'json' };
import skQueues from './sk/queues.json' with { type: 'json' };
import skShell from './sk/shell.json' with { type: 'json' };
import skSupplyPoints from './sk/supplyPoints.json' with { type: 'json' };
import skTokens from './sk/tokens.json' with { type: 'json' };
import skValidation from './sk/validation.json' with { type: 'json' };

export const en = {
  activities: enActivities,
  addresses: enAddresses,
  admin: enAdmin,
  auth: enAuth,
  calendar: enCalendar,
  cases: enCases,
  clients: enClients,
  commissions: enCommissions,
  common: enCommon,
  contacts: enContacts,
  documents: enDocuments,
  contracts: enContracts,
  dataSentences: enDataSentences,
  errors: enErrors,
  leads: enLeads,
  offers: enOffers,
  priceLists: enPriceLists,
  processes: enProcesses,
  queues: enQueues,
  shell: enShell,
  supplyPoints: enSupplyPoints,
  tokens: enTokens,
  validation: enValidation,
};

export const sk = {
  activities: skActivities,
  addresses: skAddresses,
  admin: skAdmin,
  auth: skAuth,
  calendar: skCalendar,
  cases: skCases,
  clients: skClients,
  commissions: skCommissions,
  common: skCommon,
  contacts: skContacts,
  documents: skDocuments,
  contracts: skContracts,
  dataSentences: skDataSentences,
  errors: skErrors,
  leads: skLeads,
  offers: skOffers,
  priceLists: skPriceLists,
  processes: skProcesses,
  queues: skQueues,
  shell: skShell,
  supplyPoints: skSupplyPoints,
  tokens: skTokens,
  validation: skValidation,
};

export type Catalogue = typeof en;
