/**
 * The background's single entry for runtime messages. Order matters and is fixed:
 *   1. classify the sender (extension page or content script), else refuse;
 *   2. parse the message with the zod union, else refuse;
 *   3. check that this sender kind may send this message type;
 *   4. for content scripts, check the sender's origin against the allow-list;
 *   5. only then run the handler. A handler that throws yields a generic `internal` error so no
 *      internal detail (let alone a secret) reaches the caller.
 */

import {
  MESSAGE_SENDERS,
  Message,
  type MessageOf,
  type MessageType,
  type ResponseOf,
  type RouterErrorCode,
} from './messages';
import { type Err, err, type Result } from './result';
import { classifySender, type ExtensionIdentity, type RawSender, type VerifiedSender } from './sender';

export type Handler<T extends MessageType> = (
  message: MessageOf<T>,
  sender: VerifiedSender,
) => Promise<Result<ResponseOf<T>, string>>;

export type Handlers = { [T in MessageType]: Handler<T> };

export interface RouterOptions {
  self: ExtensionIdentity;
  handlers: Handlers;
  isOriginAllowed: (origin: string) => boolean | Promise<boolean>;
  /** Called for every refusal, with no message content (it may hold secrets). */
  onRefused?: (code: RouterErrorCode, sender: RawSender) => void;
}

export type RouterReply = Result<unknown, string>;

export function createRouter(options: RouterOptions): (raw: unknown, sender: RawSender) => Promise<RouterReply> {
  const refuse = (code: RouterErrorCode, message: string, sender: RawSender): Err<RouterErrorCode> => {
    options.onRefused?.(code, sender);
    return err(code, message);
  };

  return async (raw, rawSender) => {
    const sender = classifySender(rawSender, options.self);
    if (sender === null) {
      return refuse('forbidden-sender', 'Understudy ignored a message from an unknown sender.', rawSender);
    }
    const parsed = Message.safeParse(raw);
    if (!parsed.success) {
      return refuse('invalid-message', 'Understudy ignored a malformed message.', rawSender);
    }
    const message = parsed.data;
    if (!MESSAGE_SENDERS[message.type].includes(sender.kind)) {
      return refuse('forbidden-sender', `A ${sender.kind} may not send "${message.type}".`, rawSender);
    }
    if (sender.kind === 'content-script' && !(await options.isOriginAllowed(sender.origin))) {
      return refuse(
        'origin-not-allowed',
        `Understudy can't act on ${sender.origin}: it isn't on your allowed sites list.`,
        rawSender,
      );
    }
    try {
      const handler = options.handlers[message.type] as Handler<typeof message.type>;
      return await handler(message as never, sender);
    } catch {
      return refuse('internal', 'Something went wrong inside Understudy. Please try again.', rawSender);
    }
  };
}
