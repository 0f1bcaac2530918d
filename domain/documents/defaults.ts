import type { DocumentLanguage, DocumentType } from './placeholders.js';

/**
 * The templates every owner company starts with, in Slovak (the demo owner's language). An owner that has not
 * edited a type yet renders with these; the first save stores the owner's own copy.
 */
export const defaultTemplates: Record<DocumentType, { language: DocumentLanguage; body: string }> = {
  offer: {
    language: 'sk',
    body: `# Cenová ponuka č. {{offer.number}}

**{{owner.name}}**{{#if owner.companyId}}, IČO {{owner.companyId}}{{/if}}

**Pre:** {{client.name}}{{#if client.companyId}}, IČO {{client.companyId}}{{/if}}{{#if client.vatId}}, IČ DPH {{client.vatId}}{{/if}}\\
{{client.address.street}}, {{client.address.postalCode}} {{client.address.city}}

Verzia {{offer.version}} zo dňa {{offer.issuedOn}}, platná do **{{offer.validUntil}}**.{{#if offer.bindingMonths}} Viazanosť {{offer.bindingMonths}} mesiacov ({{offer.bindingFrom}} – {{offer.bindingTo}}).{{/if}}

## Ponúkaná dodávka

| Odberné miesto | Produkt | Obdobie dodávky | Množstvo | Súčasné náklady | Ponúkané náklady | Úspora | Úspora |
|---|---|---|---:|---:|---:|---:|---:|
{{#each lines}}
| {{supplyPoint.identifier}} ({{supplyPoint.commodity}}) | {{product}} | {{deliveryFrom}} – {{deliveryTo}} | {{quantity}} {{quantityUnit}} | {{currentCost}} | {{offeredCost}} | {{saving}} | {{savingPercent}} |
{{/each}}
| **Spolu** | | | **{{totals.quantity}} {{totals.quantityUnit}}** | **{{totals.currentCost}}** | **{{totals.offeredCost}}** | **{{totals.saving}}** | **{{totals.savingPercent}}** |

## Vaša úspora po odberných miestach

{{#each lines}}
- **{{supplyPoint.identifier}}**, {{supplyPoint.address.street}}, {{supplyPoint.address.city}}: dnes za {{quantity}} {{quantityUnit}} platíte {{currentCost}}, s produktom {{product}} zaplatíte {{offeredCost}}. Ušetríte **{{saving}}**, teda **{{savingPercent}}**.
{{/each}}

Spolu dnes platíte **{{totals.currentCost}}**, s našou ponukou zaplatíte **{{totals.offeredCost}}** a ušetríte **{{totals.saving}}** ({{totals.savingPercent}}). Ceny sú uvedené bez DPH.

{{#if offer.note}}
{{offer.note}}
{{/if}}

{{#if contacts.length}}
## Kontaktné osoby

{{#each contacts}}
- {{fullName}}{{#if function}}, {{function}}{{/if}}{{#if email}}, {{email}}{{/if}}{{#if phone}}, {{phone}}{{/if}}
{{/each}}
{{/if}}

V prípade otázok sme vám k dispozícii.

{{user.name}}\\
{{owner.name}}\\
{{today}}
`,
  },
  contract: {
    language: 'sk',
    body: `# Zmluva o združenej dodávke č. {{contract.number}}

uzavretá dňa {{contract.concludedOn}}

## Zmluvné strany

**Dodávateľ:** {{owner.name}}{{#if owner.companyId}}, IČO {{owner.companyId}}{{/if}}

**Odberateľ:** {{client.name}}{{#if client.companyId}}, IČO {{client.companyId}}{{/if}}{{#if client.taxId}}, DIČ {{client.taxId}}{{/if}}{{#if client.vatId}}, IČ DPH {{client.vatId}}{{/if}}\\
sídlo: {{client.address.street}}, {{client.address.postalCode}} {{client.address.city}}

{{#if signingPersons.length}}
V mene odberateľa konajú: {{#each signingPersons}}{{fullName}}{{#if function}} ({{function}}){{/if}}{{#unless @last}}, {{/unless}}{{/each}}
{{/if}}

## Predmet zmluvy

Dodávateľ sa zaväzuje dodávať odberateľovi energiu do týchto odberných miest a odberateľ sa zaväzuje za ňu platiť:

| Odberné miesto | Komodita | Adresa | Produkt | Obdobie dodávky | Ročná spotreba |
|---|---|---|---|---|---:|
{{#each lines}}
| {{supplyPoint.identifier}} | {{supplyPoint.commodity}} | {{supplyPoint.address.street}}, {{supplyPoint.address.city}} | {{product}} | {{deliveryFrom}} – {{deliveryTo}} | {{quantity}} {{quantityUnit}} |
{{/each}}

## Doba trvania

Zmluva sa uzatvára na dobu určitú od {{contract.validFrom}} do {{contract.validTo}}.{{#if contract.noticeDeadline}} Výpoveď je potrebné doručiť najneskôr {{contract.noticeDeadline}}.{{/if}}{{#if contract.offerNumber}} Zmluva vychádza z cenovej ponuky č. {{contract.offerNumber}}.{{/if}}

## Záverečné ustanovenia

1. Zmluva nadobúda platnosť dňom podpisu oboma zmluvnými stranami.
2. Zmluvné strany vyhlasujú, že si zmluvu prečítali a na znak súhlasu ju podpisujú.

| Za dodávateľa | Za odberateľa |
|---|---|
| {{owner.name}} | {{client.name}} |
{{#each signingPersons}}
| | {{fullName}} |
{{/each}}
`,
  },
  letter: {
    language: 'sk',
    body: `**{{owner.name}}**

{{client.name}}\\
{{client.address.street}}\\
{{client.address.postalCode}} {{client.address.city}}

Dňa {{today}}

## {{letter.subject}}

{{letter.text}}

S pozdravom

{{user.name}}\\
{{owner.name}}
`,
  },
};
