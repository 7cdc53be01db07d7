/**
 * Every message between content scripts, extension pages and the background, as one zod
 * discriminated union. The background router parses each incoming message with `Message` and checks
 * that its sender is of a kind listed in `MESSAGE_SENDERS` before any handler runs.
 * Strict objects: unknown keys (including `__proto__`) make a message invalid rather than ignored.
 */
import { z } from 'zod';

/** Upper bounds keep a hostile page from making the background parse or store huge values. */
export const MAX_URL_LENGTH = 8192;
export const MAX_ORIGIN_LENGTH = 2048;

const TabId = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31);
const UrlText = z.string().min(1).max(MAX_URL_LENGTH);
const OriginInput = z.string().min(1).max(MAX_ORIGIN_LENGTH);

export const Message = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('app:ping') }),
  z.strictObject({ type: z.literal('content:hello'), url: UrlText }),
  z.strictObject({ type: z.literal('tab:status'), tabId: TabId }),
  z.strictObject({ type: z.literal('allowlist:list') }),
  z.strictObject({ type: z.literal('allowlist:add'), origin: OriginInput }),
  z.strictObject({ type: z.literal('allowlist:remove'), origin: OriginInput }),
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Who may send what. Content scripts get the narrowest surface: they are on untrusted pages. */
export type SenderKind = 'extension-page' | 'content-script';
export const MESSAGE_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  'app:ping': ['extension-page'],
  'content:hello': ['content-script'],
  'tab:status': ['extension-page'],
  'allowlist:list': ['extension-page'],
  'allowlist:add': ['extension-page'],
  'allowlist:remove': ['extension-page'],
};

/** What each message answers with on success. */
export const TabStatus = z.strictObject({
  tabId: TabId,
  origin: z.string().nullable(),
  allowed: z.boolean(),
  contentScriptConnected: z.boolean(),
});
export type TabStatus = z.infer<typeof TabStatus>;

export const ResponseValues = {
  'app:ping': z.strictObject({ version: z.string() }),
  'content:hello': z.strictObject({ allowed: z.literal(true) }),
  'tab:status': TabStatus,
  'allowlist:list': z.strictObject({ origins: z.array(z.string()) }),
  'allowlist:add': z.strictObject({ origins: z.array(z.string()) }),
  'allowlist:remove': z.strictObject({ origins: z.array(z.string()) }),
} satisfies { [T in MessageType]: z.ZodType };
export type ResponseOf<T extends MessageType> = z.infer<(typeof ResponseValues)[T]>;

export type RouterErrorCode =
  | 'invalid-message'
  | 'forbidden-sender'
  | 'origin-not-allowed'
  | 'internal'
  | 'unavailable';
