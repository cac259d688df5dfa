import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { Capability } from '#commons/http/route';
import { objectKeyOfEvent } from '#functions/files/rules';
import * as clock from '#kernel/clock';
import { importHandler, lambdaContext } from './api-server.ts';
import type { LogSink } from './processes.ts';
import type { S3ObjectEvent } from './s3.ts';

type EventHandler = (event: S3ObjectEvent, context: Context) => Promise<unknown>;

/** AWS invokes an S3 notification's function asynchronously and retries a failure twice. */
const RETRIES = 2;
const RETRY_DELAY_MS = 1000;
const TIMEOUT_MS = 15 * 60 * 1000;

/**
 * The uploads bucket's notifications on the local stack: s3rver's object events for a capability's
 * `uploadEvents.keyPrefix` go to the same handler file the CDK wires to the bucket, one record per
 * invocation as S3 sends them, asynchronously, with AWS's two retries. `idle()` resolves when every
 * event so far has been handled (tests and a clean stop wait on it).
 */
export function uploadEventDispatcher(options: { capabilities: Capability[]; uploadsBucket: string; sink: LogSink }): {
  dispatch(event: S3ObjectEvent): void;
  idle(): Promise<void>;
} {
  const handlers = new Map<string, Promise<EventHandler>>();
  const running = new Set<Promise<void>>();

  async function invoke(capability: Capability, record: S3ObjectEvent['Records'][number]): Promise<void> {
    const entry = capability.uploadEvents!.entry;
    if (!handlers.has(entry)) handlers.set(entry, importHandler(entry) as unknown as Promise<EventHandler>);
    const handler = await handlers.get(entry)!;
    const functionName = `kead-local-${capability.name}-uploads`;
    for (let attempt = 0; ; attempt++) {
      try {
        await handler({ Records: [record] }, lambdaContext(functionName, randomUUID(), clock.nowMs() + TIMEOUT_MS));
        return;
      } catch (error) {
        options.sink.line('s3-events', `${functionName} failed (attempt ${attempt + 1}): ${(error as Error).message}`);
        if (attempt >= RETRIES) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  return {
    dispatch(event) {
      for (const record of event.Records) {
        if (!record.eventName.startsWith('ObjectCreated:') || record.s3.bucket.name !== options.uploadsBucket) continue;
        const key = objectKeyOfEvent(record.s3.object.key);
        const capability = options.capabilities.find((c) => c.uploadEvents && key.startsWith(c.uploadEvents.keyPrefix));
        if (!capability) continue;
        const job = invoke(capability, record).finally(() => running.delete(job));
        running.add(job);
      }
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
