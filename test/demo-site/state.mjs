// In-memory state of the demo site: seed data, and the one object every request reads and writes.
// Nothing here reads the clock or a random source, so two runs from seed render identical pages.

export const DEMO_USER = Object.freeze({
  email: 'ada@example.test',
  password: 'correct horse battery staple',
  name: 'Ada Lovelace',
});

export const COMPANIES = Object.freeze([
  'Acme Corp',
  'Globex',
  'Hooli',
  'Initech',
  'Umbrella Health',
  'Vandelay Industries',
]);

export const CHANNELS = Object.freeze([
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'sms', label: 'Text message' },
]);

export const TIMEZONES = Object.freeze(['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo']);
export const LANGUAGES = Object.freeze([
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'fr', label: 'Français' },
]);
export const DIGESTS = Object.freeze([
  { value: 'never', label: 'Never' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
]);
export const COMPANY_SIZES = Object.freeze(['1–10', '11–50', '51–200', '201+']);
export const REPORT_TYPES = Object.freeze([
  { value: 'contacts-by-company', label: 'Contacts by company' },
  { value: 'messages-sent', label: 'Messages sent' },
]);

// biome-ignore format: one contact per line reads as a table
const SEED_CONTACTS = [
  ['Dana', 'Scully', 'dana.scully@example.test', 'Umbrella Health', 'email', true, '1964-02-23', 'Prefers written summaries.'],
  ['Fox', 'Mulder', 'fox.mulder@example.test', 'Umbrella Health', 'phone', false, '1961-10-13', ''],
  ['Walter', 'Skinner', 'w.skinner@example.test', 'Acme Corp', 'email', false, '', 'Decision maker for renewals.'],
  ['Leslie', 'Knope', 'leslie@example.test', 'Globex', 'email', true, '1975-01-18', 'Loves binders.'],
  ['Ron', 'Swanson', 'ron.swanson@example.test', 'Globex', 'phone', false, '', 'Do not email.'],
  ['Ann', 'Perkins', 'ann.perkins@example.test', 'Umbrella Health', 'sms', true, '1979-06-05', ''],
  ['April', 'Ludgate', 'april@example.test', 'Hooli', 'sms', false, '', ''],
  ['Jim', 'Halpert', 'jim.halpert@example.test', 'Vandelay Industries', 'email', true, '1978-10-01', 'Trial ends next month.'],
  ['Pam', 'Beesly', 'pam.beesly@example.test', 'Vandelay Industries', 'email', false, '1979-03-25', ''],
  ['Dwight', 'Schrute', 'dwight@example.test', 'Initech', 'phone', true, '1970-01-20', 'Asked for a beet-farm discount.'],
  ['Michael', 'Scott', 'michael.scott@example.test', 'Initech', 'phone', false, '1964-03-15', ''],
  ['Kelly', 'Kapoor', 'kelly.kapoor@example.test', 'Hooli', 'sms', true, '1980-02-05', ''],
];

const SEED_TASKS = [
  ['Follow up with Dana Scully', 'Send the renewal quote Dana asked for on Monday.', 'open'],
  ['Prepare Q3 pricing for Globex', 'Leslie wants the tiered pricing sheet before the board meeting.', 'open'],
  ['Schedule demo with Initech', 'Michael and Dwight both want to attend; find a slot that suits both.', 'open'],
  ['Update Hooli contract notes', 'Record the new procurement contact.', 'done'],
  ['Send welcome pack to Vandelay', 'Jim and Pam signed last week.', 'done'],
];

/** A fresh copy of the seed data; every reset starts from here. */
export function createState() {
  return {
    contacts: SEED_CONTACTS.map(([firstName, lastName, email, company, channel, newsletter, birthday, notes], i) => ({
      id: i + 1,
      firstName,
      lastName,
      email,
      company,
      channel,
      newsletter,
      birthday,
      notes,
    })),
    sentMessages: [],
    settings: {
      displayName: DEMO_USER.name,
      timezone: 'Europe/London',
      language: 'en',
      compactTables: false,
      notifications: { contactAdded: true, digest: 'weekly' },
    },
    widget: { connectedChannels: [] },
    quickNotes: [{ id: 1, text: 'Call Dana about the renewal' }],
    tasks: SEED_TASKS.map(([title, description, status], i) => ({ id: i + 1, title, description, status })),
    reports: { archived: [] },
    /** Widgets pinned on /dashboard/pins (saved after the next paint, see dashboardPinsPage). */
    pinnedWidgets: [],
    /** Live help over a WebSocket (`/support/chat`): connections opened and text messages received. */
    liveHelp: { connections: 0, messages: [] },
    submissions: { onboarding: [], survey: [], feedback: [] },
    requests: [],
    nextId: { contact: SEED_CONTACTS.length + 1, message: 1, note: 2 },
  };
}

/** The JSON view of the state (`GET /api/state`, `DemoSite.state()`): a deep copy without internals. */
export function snapshotState(state, variant) {
  const { nextId: _nextId, ...rest } = state;
  return structuredClone({ variant, ...rest });
}
