// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, DEMO_USER, type DemoSite, startDemoSite } from '../demo-site/server.mjs';

/** fetch with one cookie jar, no automatic redirects (so tests see each 302). */
function createClient(base: string) {
  let cookie = '';
  return {
    async request(path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(new URL(path, base), { ...init, headers, redirect: 'manual' });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = /Max-Age=0/i.test(setCookie) ? '' : (setCookie.split(';')[0] ?? '');
      return response;
    },
    get(path: string) {
      return this.request(path);
    },
    post(path: string, fields: Record<string, string>) {
      return this.request(path, { method: 'POST', body: new URLSearchParams(fields) });
    },
    postJson(path: string, value: unknown) {
      return this.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(value),
      });
    },
    async signIn() {
      const response = await this.post('/login', { email: DEMO_USER.email, password: DEMO_USER.password });
      expect(response.status).toBe(302);
      return response;
    },
  };
}

const VALID_CONTACT = {
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace@example.test',
  company: 'Initech',
  channel: 'phone',
  newsletter: 'yes',
  birthday: '1906-12-09',
  notes: 'Compiler pioneer.',
};

const PAGES = [
  '/',
  '/contacts',
  '/contacts/new',
  '/contacts/1/edit',
  '/messages',
  '/messages/new',
  '/settings',
  '/settings/notifications-frame',
  '/reports',
  '/app/inbox',
  '/help',
  '/onboarding',
  '/survey',
];

function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(` ${attribute}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

function labelTexts(html: string): string[] {
  return [...html.matchAll(/<label[^>]*>([^<]*)<\/label>/g)].map((m) => m[1] ?? '').sort();
}

describe('demo site', () => {
  let site: DemoSite;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    site = await startDemoSite({ port: 0 });
  });
  afterAll(async () => {
    await site.close();
  });
  beforeEach(() => {
    site.reset();
    client = createClient(site.url);
  });

  it('serves both origins on 127.0.0.1 with different ports', () => {
    const main = new URL(site.url);
    const cross = new URL(site.crossOriginUrl);
    expect(main.hostname).toBe('127.0.0.1');
    expect(cross.hostname).toBe('127.0.0.1');
    expect(main.port).not.toBe(cross.port);
  });

  it('redirects signed-out visitors to the sign-in page', async () => {
    const page = await client.get('/contacts?q=dana');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Fcontacts%3Fq%3Ddana');
    const post = await client.post('/contacts/new', VALID_CONTACT);
    expect(post.status).toBe(302);
    expect(post.headers.get('location')).toMatch(/^\/login/);
    const api = await client.postJson('/api/notes', { text: 'hi' });
    expect(api.status).toBe(401);
    expect(site.state().contacts).toHaveLength(12);
    expect(site.state().quickNotes).toHaveLength(1);
  });

  it('rejects a wrong password with a message and no session', async () => {
    const response = await client.post('/login', { email: DEMO_USER.email, password: 'nope' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).toContain('Wrong email or password.');
    expect(html).toContain(`value="${DEMO_USER.email}"`);
    expect((await client.get('/')).status).toBe(302);
  });

  it('signs in, follows ?next= to a local path only, and signs out', async () => {
    const response = await client.post('/login', {
      email: DEMO_USER.email,
      password: DEMO_USER.password,
      next: '/contacts',
    });
    expect(response.headers.get('location')).toBe('/contacts');
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const home = await client.get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Welcome back, Ada');

    const other = createClient(site.url);
    const bounced = await other.post('/login', {
      email: DEMO_USER.email,
      password: DEMO_USER.password,
      next: '//evil.example/',
    });
    expect(bounced.headers.get('location')).toBe('/');

    const out = await client.post('/logout', {});
    expect(out.headers.get('location')).toBe('/login?signed_out=1');
    expect((await client.get('/')).status).toBe(302);
  });

  it('lists the seed contacts with per-row Edit and Delete, and searches them', async () => {
    await client.signIn();
    const html = await (await client.get('/contacts')).text();
    expect(html.match(/data-contact-id=/g)).toHaveLength(12);
    expect(html).toContain('Delete<span class="sr-only"> Dana Scully</span>');
    expect(html).toContain('<dialog');
    const search = await (await client.get('/contacts?q=scully')).text();
    expect(search.match(/data-contact-id=/g)).toHaveLength(1);
  });

  it('refuses a contact with a bad email and shows the error next to the field', async () => {
    await client.signIn();
    const response = await client.post('/contacts/new', { ...VALID_CONTACT, firstName: '', email: 'not-an-email' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter a valid email address, like name@example.com.');
    expect(html).toContain('Enter a first name.');
    expect(html).toMatch(/id="first-name"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="not-an-email"');
    expect(site.state().contacts).toHaveLength(12);
  });

  it('creates and edits a contact, then shows a flash message', async () => {
    await client.signIn();
    const created = await client.post('/contacts/new', VALID_CONTACT);
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toBe('/contacts');
    expect(await (await client.get('/contacts')).text()).toContain('Contact Grace Hopper created.');
    const contact = site.state().contacts.find((c) => c.email === 'grace@example.test');
    expect(contact).toEqual({ id: 13, ...VALID_CONTACT, channel: 'phone', newsletter: true });

    const edited = await client.post('/contacts/13/edit', { ...VALID_CONTACT, lastName: 'Murray Hopper' });
    expect(edited.status).toBe(302);
    expect(site.state().contacts.find((c) => c.id === 13)?.lastName).toBe('Murray Hopper');
    expect(site.state().contacts.find((c) => c.id === 13)?.newsletter).toBe(true);
  });

  it('escapes user-provided text in every page', async () => {
    await client.signIn();
    const evil = '<img src=x onerror=alert(1)>';
    await client.post('/contacts/new', { ...VALID_CONTACT, firstName: evil, notes: '</textarea><script>x()</script>' });
    const list = await (await client.get('/contacts')).text();
    expect(list).not.toContain(evil);
    expect(list).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const edit = await (await client.get('/contacts/13/edit')).text();
    expect(edit).not.toContain('<script>x()</script>');
    const search = await (await client.get(`/contacts?q=${encodeURIComponent('"><b>')}`)).text();
    expect(search).not.toContain('"><b>');
  });

  it('deletes a contact', async () => {
    await client.signIn();
    const response = await client.post('/contacts/1/delete', {});
    expect(response.status).toBe(302);
    expect(site.state().contacts.some((c) => c.lastName === 'Scully')).toBe(false);
    expect(await (await client.get('/contacts')).text()).toContain('Deleted Dana Scully.');
    expect((await client.post('/contacts/1/delete', {})).status).toBe(404);
  });

  it('sends a message and lists it', async () => {
    await client.signIn();
    const bad = await client.post('/messages/new', { to: 'nobody', subject: '', body: 'x' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter a valid recipient email address.');
    const sent = await client.post('/messages/new', { to: 'dana.scully@example.test', subject: 'Renewal', body: 'Hi' });
    expect(sent.headers.get('location')).toBe('/messages');
    expect(site.state().sentMessages).toEqual([
      { id: 1, to: 'dana.scully@example.test', subject: 'Renewal', body: 'Hi' },
    ]);
    expect(await (await client.get('/messages')).text()).toContain('Renewal');
  });

  it('saves settings and the same-origin notifications frame', async () => {
    await client.signIn();
    const settingsHtml = await (await client.get('/settings')).text();
    expect(settingsHtml).toContain('src="/settings/notifications-frame"');
    expect(settingsHtml).toContain(`src="${site.crossOriginUrl}/widget"`);
    await client.post('/settings', { displayName: 'Ada King', timezone: 'Asia/Tokyo', language: 'de' });
    await client.post('/settings/notifications-frame', { digest: 'daily' });
    expect(site.state().settings).toEqual({
      displayName: 'Ada King',
      timezone: 'Asia/Tokyo',
      language: 'de',
      compactTables: false,
      notifications: { contactAdded: false, digest: 'daily' },
    });
  });

  it('shows the cross-origin widget state in /api/state', async () => {
    const widget = await fetch(`${site.crossOriginUrl}/widget`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-security-policy')).toBe(`frame-ancestors ${site.url}`);
    expect(await widget.text()).toContain('Channel name');
    const connect = await fetch(`${site.crossOriginUrl}/widget/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: '#Sales' }),
    });
    expect(await connect.json()).toEqual({ ok: true, channel: 'sales' });
    const state = await (await fetch(`${site.url}/api/state`)).json();
    expect(state.widget).toEqual({ connectedChannels: ['sales'] });
    expect(state.requests).toContainEqual({
      origin: 'crossOrigin',
      method: 'POST',
      path: '/widget/connect',
      status: 200,
    });
  });

  it('changes state through the JSON endpoints the page scripts call', async () => {
    await client.signIn();
    expect((await client.postJson('/api/notes', { text: 'Call Fox' })).status).toBe(201);
    expect((await client.postJson('/api/tasks/1/done', {})).status).toBe(200);
    const report = await (await client.get('/api/reports/data?type=contacts-by-company')).json();
    expect(report.rows).toContainEqual(['Umbrella Health', 3]);
    expect((await client.postJson('/api/reports/archive', { type: 'contacts-by-company' })).status).toBe(200);
    const profile = { companyName: 'Acme', companySize: '11–50', website: 'acme.example' };
    expect((await client.postJson('/api/onboarding/profile', profile)).status).toBe(200);
    const state = site.state();
    expect(state.quickNotes.map((n) => n.text)).toContain('Call Fox');
    expect(state.tasks.find((t) => t.id === 1)?.status).toBe('done');
    expect(state.reports.archived).toEqual([{ type: 'contacts-by-company' }]);
    expect(state.submissions.onboarding).toEqual([profile]);
  });

  it('takes all 200 survey fields in one POST', async () => {
    await client.signIn();
    const html = await (await client.get('/survey')).text();
    expect(html.match(/>Question \d+<\/label>/g)).toHaveLength(100);
    expect(html.match(/type="checkbox"/g)).toHaveLength(100);
    const fields: Record<string, string> = {};
    for (let n = 1; n <= 100; n += 1) fields[`q${n}`] = `answer ${n}`;
    fields.agree7 = 'yes';
    expect((await client.post('/survey', fields)).status).toBe(302);
    const [submission] = site.state().submissions.survey;
    expect(submission?.answers[99]).toBe('answer 100');
    expect(submission?.agreed).toEqual([7]);
  });

  it('logs every state-changing request and resets to seed data', async () => {
    await client.signIn();
    await client.post('/contacts/2/delete', {});
    expect(site.state().requests).toEqual([
      { origin: 'main', method: 'POST', path: '/login', status: 302 },
      { origin: 'main', method: 'POST', path: '/contacts/2/delete', status: 302 },
    ]);
    const reset = await fetch(`${site.url}/api/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const state = await (await fetch(`${site.url}/api/state`)).json();
    expect(state.contacts).toHaveLength(12);
    expect(state.requests).toEqual([]);
    // Sessions survive a reset, so a harness can reset between runs without signing in again.
    expect((await client.get('/')).status).toBe(200);
  });

  it('refuses bodies over the size cap and malformed JSON', async () => {
    const big = await fetch(`${site.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${'a'.repeat(BODY_LIMIT_BYTES + 1)}`,
    });
    expect(big.status).toBe(413);
    await client.signIn();
    const malformed = await client.request('/api/notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":',
    });
    expect(malformed.status).toBe(400);
  });

  it('renders the same page identically on every run, with unique ids', async () => {
    await client.signIn();
    const again = await startDemoSite({ port: 0 });
    try {
      const otherClient = createClient(again.url);
      await otherClient.signIn();
      for (const path of PAGES) {
        const first = await (await client.get(path)).text();
        const second = await (await otherClient.get(path)).text();
        expect(second.replaceAll(again.crossOriginUrl, 'X'), path).toBe(first.replaceAll(site.crossOriginUrl, 'X'));
        const ids = attributeValues(first, 'id');
        expect(new Set(ids).size, path).toBe(ids.length);
      }
    } finally {
      await again.close();
    }
  });

  it('refuses to bind a non-loopback host', async () => {
    await expect(startDemoSite({ host: '0.0.0.0' })).rejects.toThrow(TypeError);
  });
});

describe('demo site, changed variant', () => {
  let normal: DemoSite;
  let changed: DemoSite;

  beforeAll(async () => {
    [normal, changed] = await Promise.all([startDemoSite(), startDemoSite({ variant: 'changed' })]);
  });
  afterAll(async () => {
    await Promise.all([normal.close(), changed.close()]);
  });

  it('renders new generated ids and class hashes but the same labels', async () => {
    const a = createClient(normal.url);
    const b = createClient(changed.url);
    await a.signIn();
    await b.signIn();
    for (const path of PAGES) {
      const before = await (await a.get(path)).text();
      const after = await (await b.get(path)).text();
      expect(labelTexts(after), path).toEqual(labelTexts(before));
      const afterIds = attributeValues(after, 'id');
      expect(new Set(afterIds).size, path).toBe(afterIds.length);
      expect(attributeValues(after, 'class'), path).not.toEqual(attributeValues(before, 'class'));
    }
    const before = await (await a.get('/contacts/new')).text();
    const after = await (await b.get('/contacts/new')).text();
    expect(attributeValues(after, 'id')).not.toEqual(attributeValues(before, 'id'));
    // Hand-written ids survive the rebuild; generated ones don't.
    expect(after).toContain('id="first-name"');
    expect(before).toContain('>Save contact</button>');
    expect(after).toContain('>Save</button>');
    expect(after.indexOf('Email address')).toBeLessThan(after.indexOf('First name'));
    expect(before.indexOf('Email address')).toBeGreaterThan(before.indexOf('First name'));
  });

  it('keeps the same behaviour and state format', async () => {
    const b = createClient(changed.url);
    await b.signIn();
    expect((await b.post('/contacts/new', VALID_CONTACT)).status).toBe(302);
    expect((await b.post('/contacts/1/delete', {})).status).toBe(302);
    const state = changed.state();
    expect(state.variant).toBe('changed');
    expect(state.contacts.find((c) => c.id === 13)).toEqual({ id: 13, ...VALID_CONTACT, newsletter: true });
    expect(Object.keys(state).sort()).toEqual(Object.keys(normal.state()).sort());
  });
});
