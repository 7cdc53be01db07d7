/** The one browser adapter UI pages use to talk to the background. */
import { browser } from 'wxt/browser';
import { createMessageClient } from '@/lib/message-client';

export const send = createMessageClient((message) => browser.runtime.sendMessage(message));
