// Types for server.mjs (hand-written: the demo site is plain JavaScript so it runs with bare Node).

export type DemoVariant = 'normal' | 'changed';

export interface DemoContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  channel: 'email' | 'phone' | 'sms';
  newsletter: boolean;
  /** `YYYY-MM-DD`, or `''` when not set. */
  birthday: string;
  notes: string;
}

export interface DemoSentMessage {
  id: number;
  to: string;
  subject: string;
  body: string;
}

export interface DemoSettings {
  displayName: string;
  timezone: string;
  language: 'en' | 'de' | 'fr';
  compactTables: boolean;
  /** Saved by the same-origin iframe `/settings/notifications-frame`. */
  notifications: { contactAdded: boolean; digest: 'never' | 'daily' | 'weekly' };
}

export interface DemoTask {
  id: number;
  title: string;
  description: string;
  status: 'open' | 'done';
}

/** One state-changing request (any method but GET/HEAD/OPTIONS; `POST /api/reset` is not logged). */
export interface DemoRequestLogEntry {
  /** Which server got it: the app, or the cross-origin widget server. */
  origin: 'main' | 'crossOrigin';
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
}

/** `GET /api/state`: everything the site has stored since the last reset. */
export interface DemoState {
  variant: DemoVariant;
  contacts: DemoContact[];
  sentMessages: DemoSentMessage[];
  settings: DemoSettings;
  /** Kept by the cross-origin server (the chat widget iframe). */
  widget: { connectedChannels: string[] };
  /** Added through the `<quick-note>` shadow-DOM widget on the dashboard. */
  quickNotes: { id: number; text: string }[];
  tasks: DemoTask[];
  reports: { archived: { type: 'contacts-by-company' | 'messages-sent' }[] };
  /** Widgets pinned on `/dashboard/pins`, in the order they were pinned. */
  pinnedWidgets: string[];
  /** The help page's "Open live help" (a WebSocket at `/support/chat`): connections and messages. */
  liveHelp: { connections: number; messages: string[] };
  submissions: {
    onboarding: { companyName: string; companySize: string; website: string }[];
    /** `answers[n - 1]` is "Question n"; `agreed` lists the n of each ticked "Agree with statement n". */
    survey: { answers: string[]; agreed: number[] }[];
    feedback: { message: string; helpful: '' | 'yes' | 'no' }[];
  };
  requests: DemoRequestLogEntry[];
}

export interface DemoSite {
  /** Origin of the app, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Origin of the second server; the widget is at `${crossOriginUrl}/widget`. */
  crossOriginUrl: string;
  /** Stops both servers and drops open connections. Safe to call twice. */
  close(): Promise<void>;
  /** A deep copy of the current state (same as `GET /api/state`). */
  state(): DemoState;
  /** Back to seed data (same as `POST /api/reset`); sign-in sessions survive. */
  reset(): void;
  /** Renders the other build from now on (same origin, same state). */
  setVariant(variant: DemoVariant): void;
}

export interface DemoSiteOptions {
  /** Port of the app; 0 (default) picks a free one. */
  port?: number;
  /** Port of the cross-origin widget server; 0 (default) picks a free one. */
  crossOriginPort?: number;
  /** Loopback address to bind (default `127.0.0.1`); anything else throws. */
  host?: string;
  /** `changed` renders the same app as after a rebuild. Default `normal`. */
  variant?: DemoVariant;
}

/** @throws {TypeError} for an unknown variant or a non-loopback host. */
export function startDemoSite(options?: DemoSiteOptions): Promise<DemoSite>;

export const DEMO_USER: Readonly<{ email: string; password: string; name: string }>;

/** Largest accepted request body; bigger ones get 413. */
export const BODY_LIMIT_BYTES: number;
