import { describe, expect, it } from 'vitest';
import { documentPersonOf } from './document-data.js';

type Contact = Parameters<typeof documentPersonOf>[0];
const contact = (fields: Partial<Contact>): Contact => ({ firstName: 'Mária', lastName: 'Konateľová', function: null, email: null, phone: null, mobile: null, ...fields }) as Contact;

describe("a contact person on a document (offer, contract, letter)", () => {
  it.each([
    ['the phone', { phone: '+421 2 1234 5678', mobile: '+421 905 123 456' }, '+421 2 1234 5678'],
    ['the mobile when there is no phone', { phone: null, mobile: '+421 905 123 456' }, '+421 905 123 456'],
    ['no number', { phone: null, mobile: null }, null],
  ])('gives %s', (_, fields, phone) => {
    expect(documentPersonOf(contact(fields)).phone).toBe(phone);
  });

  it('joins the full name without stray spaces', () => {
    expect(documentPersonOf(contact({ firstName: 'Mária', lastName: '' })).fullName).toBe('Mária');
    expect(documentPersonOf(contact({ function: 'konateľka' }))).toMatchObject({ fullName: 'Mária Konateľová', function: 'konateľka' });
  });
});
