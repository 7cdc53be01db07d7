/**
 * The sending side of `lib/messages.ts`, for extension pages and content scripts. The transport is
 * passed in (`browser.runtime.sendMessage` in the extension) so this stays pure; replies are
 * validated too, because a reply crosses the same boundary as a request.
 */
import { z } from 'zod';
import { type MessageOf, type MessageType, type ResponseOf, ResponseValues } from './messages';
import { err, type Result } from './result';

export type Transport = (message: unknown) => Promise<unknown>;

const ErrorReply = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) });

export function createMessageClient(transport: Transport) {
  return async function send<T extends MessageType>(message: MessageOf<T>): Promise<Result<ResponseOf<T>, string>> {
    let reply: unknown;
    try {
      reply = await transport(message);
    } catch {
      return err('unavailable', 'Understudy’s background service did not answer. Reload the page and try again.');
    }
    const failure = ErrorReply.safeParse(reply);
    if (failure.success) return failure.data;
    const schema = ResponseValues[message.type] as unknown as z.ZodType<ResponseOf<T>>;
    const success = z.object({ ok: z.literal(true), value: schema }).safeParse(reply);
    if (success.success) return { ok: true, value: success.data.value };
    return err('invalid-reply', 'Understudy received an unexpected reply. Reload the extension and try again.');
  };
}

export type MessageClient = ReturnType<typeof createMessageClient>;
