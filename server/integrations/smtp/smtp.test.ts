import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { createSmtpMailer } from './client.js';
import { parseMail, startFakeSmtp } from './fake.js';

describe('SMTP settings', () => {
  it.each([
    ['smtp://user:secret@mail.example.com:587', 'smtp://user:secret@mail.example.com:587'],
    ['smtps://mail.example.com:465', 'smtps://mail.example.com:465'],
    ['', undefined],
  ])('SMTP_URL=%s is read as %s', (value, expected) => {
    expect(readConfig({ SMTP_URL: value }).smtp.url).toBe(expected);
  });

  it('refuses a URL of another scheme, naming the setting', () => {
    expect(() => readConfig({ SMTP_URL: 'https://mail.example.com' })).toThrow(/SMTP_URL/);
  });

  it('has a default sender', () => {
    expect(readConfig({}).smtp.from).toContain('@');
  });
});

const fake = await startFakeSmtp();
const mailer = createSmtpMailer({ url: fake.url, from: 'Kilowatt CRM <crm@kilowatt.test>', timeoutMs: 2000 });
afterAll(async () => {
  mailer.close();
  await fake.close();
});

describe('the fake SMTP server with the real client', () => {

  it('captures what nodemailer sends, decoding Slovak subject and text', async () => {
    const before = fake.messages.length;
    await mailer.send({ to: 'obchod@kilowatt.test', subject: 'Úloha: overiť ťažkú zmluvu č. 5', text: 'Dobrý deň,\nprosím o kontrolu – ďakujem.', html: '<p>Dobrý deň</p>' });
    const mail = await fake.waitForMessage(before);
    expect(mail).toMatchObject({ from: 'crm@kilowatt.test', to: ['obchod@kilowatt.test'], subject: 'Úloha: overiť ťažkú zmluvu č. 5' });
    expect(mail.text).toContain('prosím o kontrolu – ďakujem.');
    expect(mail.html).toContain('<p>Dobrý deň</p>');
  });

  it('makes the client fail when the server refuses the message', async () => {
    fake.setMode('reject');
    try {
      await expect(mailer.send({ to: 'x@kilowatt.test', subject: 's', text: 't' })).rejects.toThrow(/550|unavailable/i);
    } finally {
      fake.setMode('accept');
    }
  });

  it('makes the client fail when no server listens', async () => {
    const closed = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'a@b.test', timeoutMs: 1000 });
    await expect(closed.send({ to: 'x@kilowatt.test', subject: 's', text: 't' })).rejects.toThrow();
    closed.close();
  });
});

describe('reading a captured message', () => {
  it.each([
    ['a base64 encoded word', 'Subject: =?UTF-8?B?xaB0YXJ0?=\r\n\r\nbody', 'Štart'],
    ['a Q encoded word with underscores', 'Subject: =?UTF-8?Q?=C3=9Aloha_pre_v=C3=A1s?=\r\n\r\nbody', 'Úloha pre vás'],
    ['plain ASCII', 'Subject: Hello\r\n\r\nbody', 'Hello'],
  ])('decodes %s', (_, raw, subject) => {
    expect(parseMail(raw, { from: '', to: [] }).subject).toBe(subject);
  });
});
