/**
 * A local SMTP server (smtp-server, the SMTP protocol implementation of the nodemailer project) that accepts
 * every message and keeps it in memory, for tests and for the demo when no SMTP_URL is set. It speaks plain SMTP
 * on 127.0.0.1 without TLS or authentication, so a real client (nodemailer) talks to it exactly as to a server.
 *
 * Captured messages are decoded just enough to assert on them: the envelope, the headers, the Subject (RFC 2047
 * encoded words) and the text and HTML bodies (quoted-printable, base64 or 7/8-bit, single part or multipart).
 * Fault injection: `setMode('reject')` refuses every message with 550, as a server would refuse a bad recipient.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CapturedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  raw: string;
};

export type FakeSmtp = {
  /** A connection URL for the client, e.g. smtp://127.0.0.1:41234 */
  url: string;
  /** Accepted messages, oldest first (at most 200). */
  messages: CapturedMail[];
  /** Resolves with the next accepted message (or one already there after `index`). */
  waitForMessage: (index?: number, timeoutMs?: number) => Promise<CapturedMail>;
  setMode: (mode: 'accept' | 'reject') => void;
  close: () => Promise<void>;
};

const keep = 200;

const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return new TextDecoder(charset.toLowerCase() === 'utf-8' ? 'utf-8' : charset).decode(bytes);
    });

const parseHeaders = (block: string): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
};

const splitEntity = (entity: string) => {
  const end = entity.indexOf('\r\n\r\n');
  return end < 0 ? { headers: parseHeaders(entity), body: '' } : { headers: parseHeaders(entity.slice(0, end)), body: entity.slice(end + 4) };
};

const decodeBody = (body: string, encoding: string | undefined): string => {
  const kind = (encoding ?? '7bit').toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') {
    const bytes = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
    return bytes.toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
};

/** The text/plain and text/html parts of a message, walking multipart containers. */
const bodiesOf = (entity: string): { text: string | null; html: string | null } => {
  const { headers, body } = splitEntity(entity);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const result: { text: string | null; html: string | null } = { text: null, html: null };
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = bodiesOf(part.replace(/^\r\n/, '').replace(/\r\n$/, ''));
      result.text ??= inner.text;
      result.html ??= inner.html;
    }
    return result;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']);
  return type.toLowerCase().startsWith('text/html') ? { text: null, html: decoded } : { text: decoded, html: null };
};

export const parseMail = (raw: string, envelope: { from: string; to: string[] }): CapturedMail => {
  const { headers } = splitEntity(raw);
  const bodies = bodiesOf(raw);
  return {
    ...envelope,
    subject: decodeWords(headers.subject ?? ''),
    text: bodies.text ?? '',
    html: bodies.html,
    headers,
    raw,
  };
};

export type FakeSmtpOptions = {
  host?: string;
  port?: number;
  /** Called with each accepted message, e.g. to log it in the demo. */
  onMessage?: (mail: CapturedMail) => void;
};

export const startFakeSmtp = async (options: FakeSmtpOptions = {}): Promise<FakeSmtp> => {
  const messages: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  let mode: 'accept' | 'reject' = 'accept';
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'Kilowatt fake SMTP',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (mode === 'reject') {
          const error = Object.assign(new Error('Mailbox unavailable (fake SMTP in reject mode)'), { responseCode: 550 });
          callback(error);
          return;
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const mail = parseMail(Buffer.concat(chunks).toString('latin1'), envelope);
        messages.push(mail);
        options.onMessage?.(mail);
        if (messages.length > keep) messages.splice(0, messages.length - keep);
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;

  const waitForMessage = async (index = messages.length, timeoutMs = 5000): Promise<CapturedMail> => {
    const deadline = Date.now() + timeoutMs;
    while (messages.length <= index) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no message arrived at the fake SMTP server');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return messages[index]!;
  };

  return {
    url: `smtp://${address.address}:${address.port}`,
    messages,
    waitForMessage,
    setMode: (next) => {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
