import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';

/** A real SMTP server in the test process: keeps every message it accepts, parsed. */
export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  messages: ParsedMail[];
  /** The messages to `address`. */
  to(address: string): ParsedMail[];
  /** Waits (polling, with a deadline) until `count` messages match, and returns them. */
  waitFor(match: (m: ParsedMail) => boolean, count?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

const recipients = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
    a.value.map((v) => v.address?.toLowerCase()),
  );

/** Starts the sink; recipients for which `refuse` says true get "550 5.1.1" at RCPT TO. */
export async function startSmtpSink(
  options: { refuse?: (address: string) => boolean } = {},
): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => recipients(m).includes(address.toLowerCase())),
    async waitFor(match, count = 1) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = messages.filter(match);
        if (found.length >= count) return found;
        expect(Date.now(), `${count} matching message(s) by the deadline`).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
