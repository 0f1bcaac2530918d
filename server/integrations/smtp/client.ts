/**
 * Outgoing e-mail over SMTP (RFC 5321) with nodemailer. `SMTP_URL` names the server the way nodemailer reads a
 * connection URL: `smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://…:465`
 * (TLS from the first byte); `SMTP_FROM` is the sender, e.g. `Kilowatt CRM <crm@example.com>`.
 * See https://nodemailer.com/smtp/ for the URL's query options (e.g. `?requireTLS=true`).
 */
import nodemailer from 'nodemailer';

export type MailMessage = {
  to: string;
  subject: string;
  /** Plain text; always sent, so every client can read the message. */
  text: string;
  /** An HTML alternative of the same content. */
  html?: string | undefined;
  replyTo?: string | undefined;
};

export type Mailer = {
  /** Resolves once the server accepted the message for delivery; rejects when it refused or could not be reached. */
  send: (message: MailMessage) => Promise<{ messageId: string }>;
  close: () => void;
};

export type SmtpSettings = {
  url: string;
  from: string;
  /** Per-phase timeout (connect, greeting, each command), in milliseconds. */
  timeoutMs?: number;
};

export const createSmtpMailer = (settings: SmtpSettings): Mailer => {
  const timeout = settings.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport(
    { url: settings.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout },
    { from: settings.from },
  );
  return {
    send: async (message) => {
      const info = await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
};
