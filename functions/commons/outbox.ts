import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import * as clock from '#kernel/clock';
import { optionalEnv } from './config.ts';
import { snsSmsSink } from './sms-sink.ts';

/**
 * Where the product's outgoing messages go (SMS to a person, in-app notifications). On the local
 * stack every message lands in the local outbox (a JSON-lines file shown at /local/outbox); Cognito's
 * own codes (sign-in, sign-up, password reset) are captured there too. On AWS SMS go out through SNS
 * (sms-sink.ts).
 */
export interface OutboundMessage {
  channel: 'sms' | 'email' | 'notification';
  /** phone number (E.164), e-mail address or login ID, as the channel needs */
  to: string;
  /** the login ID of the person, when known: the outbox page can then be filtered by it */
  username?: string;
  /** what the person reads, in Korean */
  text: string;
  /** what produced it, e.g. 'Authentication', 'ForgotPassword', 'seal-approved' */
  source: string;
  /** a one-time code the text carries, kept apart so that tests and the outbox page can show it */
  code?: string;
}

export interface OutboxEntry extends OutboundMessage {
  id: string;
  at: string;
}

export interface NotificationSink {
  send(message: OutboundMessage): Promise<void>;
}

/** The environment variable naming the local outbox file; set only on the local stack. */
export const LOCAL_OUTBOX_FILE_ENV = 'LOCAL_OUTBOX_FILE';

/** Appends one message as one JSON line; a single appendFile write is atomic enough for one machine. */
export function appendOutboxEntry(file: string, message: OutboundMessage): OutboxEntry {
  const entry: OutboxEntry = { id: randomUUID(), at: clock.nowIso(), ...message };
  appendFileSync(file, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
  return entry;
}

export function localOutboxSink(file: string): NotificationSink {
  return {
    async send(message) {
      appendOutboxEntry(file, message);
    },
  };
}

let registered: NotificationSink | undefined;

export function setNotificationSink(sink: NotificationSink | undefined): void {
  registered = sink;
}

/** The sink of this environment: the registered one, else the local outbox when the stack set its file, else SNS. */
export function notificationSink(): NotificationSink {
  if (registered) return registered;
  const file = optionalEnv(LOCAL_OUTBOX_FILE_ENV);
  if (file) return localOutboxSink(file);
  return snsSmsSink;
}
