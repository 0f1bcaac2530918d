import type {
  CommonDocumentData,
  DocumentDataByType,
  DocumentLine,
  DocumentParty,
  DocumentPerson,
  DocumentSupplyPoint,
  DocumentType,
} from './placeholders.js';

/** Demo-like data for the editor's preview and for tests: every catalogued field filled. */
const client: DocumentParty = {
  name: 'Mestské teplárne Žilina, a.s.',
  companyId: '36403008',
  taxId: '2020144875',
  vatId: 'SK2020144875',
  email: 'energetika@teplarne-zilina.sk',
  phone: '+421 41 562 11 11',
  address: { street: 'Hlavná 12', postalCode: '010 01', city: 'Žilina', country: 'SK' },
};

const signing: DocumentPerson = {
  fullName: 'Ing. Ľubomír Šťastný',
  firstName: 'Ľubomír',
  lastName: 'Šťastný',
  function: 'predseda predstavenstva',
  email: 'stastny@teplarne-zilina.sk',
  phone: '+421 905 123 456',
};

const contact: DocumentPerson = {
  fullName: 'Mgr. Katarína Horváthová',
  firstName: 'Katarína',
  lastName: 'Horváthová',
  function: 'energetička',
  email: 'horvathova@teplarne-zilina.sk',
  phone: '+421 907 654 321',
};

const supplyPoints: DocumentSupplyPoint[] = [
  {
    identifier: '24ZZS7008250000X',
    commodity: 'electricity',
    annualConsumption: '182.5',
    consumptionUnit: 'MWh',
    address: { street: 'Hlavná 12', postalCode: '010 01', city: 'Žilina', country: 'SK' },
  },
  {
    identifier: 'SKSPPDIS000410123456',
    commodity: 'gas',
    annualConsumption: '540',
    consumptionUnit: 'MWh',
    address: { street: 'Kotolňa Vlčince, Študentská 3', postalCode: '010 08', city: 'Žilina', country: 'SK' },
  },
];

const lines: DocumentLine[] = [
  {
    supplyPoint: supplyPoints[0]!,
    product: 'Fix Biznis 2027',
    deliveryFrom: '2027-01-01',
    deliveryTo: '2027-12-31',
    quantity: '182.5',
    quantityUnit: 'MWh',
    currentCost: '31937.50',
    offeredCost: '28470.00',
    saving: '3467.50',
    savingPercent: '10.86',
  },
  {
    supplyPoint: supplyPoints[1]!,
    product: 'Plyn Fix 2027',
    deliveryFrom: '2027-01-01',
    deliveryTo: '2027-12-31',
    quantity: '540',
    quantityUnit: 'MWh',
    currentCost: '29160.00',
    offeredCost: '26730.00',
    saving: '2430.00',
    savingPercent: '8.33',
  },
];

const totals = { quantity: '722.5', quantityUnit: 'MWh', currentCost: '61097.50', offeredCost: '55200.00', saving: '5897.50', savingPercent: '9.65' };

export const sampleCommonData: CommonDocumentData = {
  owner: { name: 'Kilowatt Energia s.r.o.', companyId: '50123456', country: 'SK', currency: 'EUR' },
  today: '2026-11-16',
  user: { name: 'Peter Obchodník', email: 'sales@demo.kilowatt' },
};

export const sampleDocumentData: DocumentDataByType = {
  offer: {
    client,
    contacts: [contact],
    signingPersons: [signing],
    supplyPoints,
    lines,
    totals,
    offer: {
      number: 'P-2026-0042',
      version: 2,
      issuedOn: '2026-11-16',
      validUntil: '2026-12-15',
      bindingFrom: '2027-01-01',
      bindingTo: '2027-12-31',
      bindingMonths: 12,
      note: 'Ceny komodity sú fixné na celé obdobie dodávky.\nRegulované zložky sa účtujú podľa platných cenových rozhodnutí ÚRSO.',
    },
  },
  contract: {
    client,
    contacts: [contact],
    signingPersons: [signing],
    supplyPoints,
    lines,
    totals,
    contract: {
      number: 'Z-2026-0017',
      concludedOn: '2026-11-30',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      noticeDeadline: '2027-09-30',
      offerNumber: 'P-2026-0042',
    },
  },
  letter: {
    client,
    contacts: [contact],
    supplyPoints,
    letter: {
      subject: 'Blížiaci sa koniec zmluvy o dodávke',
      text: 'Vážená pani Horváthová,\n\nvaša zmluva o dodávke elektriny a plynu končí 31. 12. 2026. Radi vám pripravíme novú ponuku.',
    },
  },
};

export const sampleDataOf = <T extends DocumentType>(type: T): DocumentDataByType[T] & CommonDocumentData => ({
  ...sampleDocumentData[type],
  ...sampleCommonData,
});
