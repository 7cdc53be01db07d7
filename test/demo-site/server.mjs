#!/usr/bin/env node
// Acme CRM, the demo site Understudy records and replays on (E2E tests, benchmarks, README demo).
//
// Two HTTP servers in one process, both on loopback: the app itself, and a second origin that serves
// the chat widget shown in a cross-origin iframe on /settings. State lives in memory and starts from
// seed data; `GET /api/state` shows it as JSON (with a log of every state-changing request) and
// `POST /api/reset` restores the seed. `variant: 'changed'` re-renders the same app the way a rebuild
// would (new generated ids and class hashes, wrappers, reordered fields, reworded buttons).
//
// No dependencies and no randomness in rendered output, only Node built-ins; session tokens are the
// one random value, and they never appear in a page.
import { createHash, randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { createUi, toHtmlString } from './html.mjs';
import {
  buildReport,
  composePage,
  contactFormPage,
  contactsPage,
  dashboardPage,
  dashboardPinsPage,
  EMPTY_CONTACT,
  helpPage,
  loginPage,
  messagesPage,
  notFoundPage,
  notificationsFramePage,
  onboardingPage,
  PINNABLE_WIDGETS,
  reportsPage,
  SURVEY_QUESTIONS,
  settingsPage,
  spaPage,
  surveyPage,
  widgetPage,
} from './pages.mjs';
import {
  CHANNELS,
  COMPANIES,
  COMPANY_SIZES,
  createState,
  DEMO_USER,
  DIGESTS,
  LANGUAGES,
  REPORT_TYPES,
  snapshotState,
  TIMEZONES,
} from './state.mjs';

export { DEMO_USER };

export const BODY_LIMIT_BYTES = 1024 * 1024;
// Past this we stop draining an oversized body and drop the connection.
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const SESSION_COOKIE = 'acme_session';
const VARIANTS = ['normal', 'changed'];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CHANNEL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isLoopbackHost(host) {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function originFor(host, port) {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/**
 * Starts both servers. Resolves once both listen.
 * @throws {TypeError} for an unknown variant or a host that isn't a loopback address.
 */
export async function startDemoSite(options = {}) {
  const variant = options.variant ?? 'normal';
  if (!VARIANTS.includes(variant)) {
    throw new TypeError(`startDemoSite: variant must be 'normal' or 'changed', got ${JSON.stringify(variant)}`);
  }
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new TypeError(`startDemoSite: host must be a loopback address (the demo site is local only), got ${host}`);
  }
  const site = { variant, state: createState(), sessions: new Map(), url: '', crossOriginUrl: '' };
  const mainServer = http.createServer((req, res) => handleRequest(site, 'main', req, res));
  const crossServer = http.createServer((req, res) => handleRequest(site, 'crossOrigin', req, res));
  mainServer.on('upgrade', (req, socket) => acceptLiveHelp(site, req, socket));
  const crossPort = await listen(crossServer, options.crossOriginPort ?? 0, host);
  let mainPort;
  try {
    mainPort = await listen(mainServer, options.port ?? 0, host);
  } catch (error) {
    crossServer.close();
    throw error;
  }
  site.url = originFor(host, mainPort);
  site.crossOriginUrl = originFor(host, crossPort);

  let closing;
  return {
    url: site.url,
    crossOriginUrl: site.crossOriginUrl,
    state: () => snapshotState(site.state, site.variant),
    reset: () => {
      site.state = createState();
    },
    // Switches the build the same server renders, so a task recorded on one build can be replayed
    // on the other at the same origin (what a site deploy looks like to its users).
    setVariant: (variant) => {
      if (!VARIANTS.includes(variant)) {
        throw new TypeError(`setVariant: variant must be 'normal' or 'changed', got ${JSON.stringify(variant)}`);
      }
      site.variant = variant;
    },
    close: () => {
      closing ??= Promise.all(
        [mainServer, crossServer].map(
          (server) =>
            new Promise((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      ).then(() => undefined);
      return closing;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Request plumbing

async function handleRequest(site, origin, req, res) {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  if (!READ_ONLY_METHODS.has(method) && !(origin === 'main' && url.pathname === '/api/reset')) {
    res.on('finish', () => {
      site.state.requests.push({ origin, method, path: url.pathname, status: res.statusCode });
    });
  }
  try {
    const routes = origin === 'main' ? MAIN_ROUTES : CROSS_ORIGIN_ROUTES;
    const route = findRoute(routes, method, url.pathname);
    if (route === 'method-not-allowed') return sendText(res, 405, 'Method not allowed.');
    if (!route) {
      if (origin === 'main' && method === 'GET' && getSession(site, req)) {
        return sendPage(res, 404, notFoundPage(pageContext(site, req)));
      }
      return sendText(res, 404, 'Not found.');
    }
    const session = getSession(site, req);
    if (route.auth && !session) {
      if (route.api) return sendJson(res, 401, apiError('signed_out', 'Sign in again to continue.'));
      const next = method === 'GET' ? url.pathname + url.search : '/';
      return redirect(res, `/login?next=${encodeURIComponent(next)}`);
    }
    let body = {};
    if (method !== 'GET') {
      const parsed = await readBody(req);
      if (!parsed.ok) return sendText(res, parsed.status, parsed.message);
      body = parsed.value;
    }
    await route.handler({ site, req, res, url, params: route.params, body, session });
  } catch (error) {
    console.error('demo-site: request failed', error);
    if (!res.headersSent) sendText(res, 500, 'Something went wrong.');
    else res.destroy();
  }
}

function findRoute(routes, method, pathname) {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method === method) return { ...route, params: match.groups ?? {} };
  }
  return pathMatched ? 'method-not-allowed' : null;
}

/** Reads an urlencoded or JSON body of at most BODY_LIMIT_BYTES. */
function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let settled = false;
    const finish = (result) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
      // Keep draining an oversized body so the client reads our 413 instead of a reset connection.
      if (size > DRAIN_LIMIT_BYTES) {
        finish({ ok: false, status: 413, message: 'Request body too large.' });
        req.destroy();
      }
    });
    req.on('error', () => finish({ ok: false, status: 400, message: 'Could not read the request body.' }));
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) return finish({ ok: false, status: 413, message: 'Request body too large.' });
      finish(parseBody(req.headers['content-type'] ?? '', Buffer.concat(chunks).toString('utf8')));
    });
  });
}

function parseBody(contentType, text) {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (text.length === 0) return { ok: true, value: {} };
  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type === 'application/json') {
    try {
      const value = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, status: 400, message: 'Expected a JSON object.' };
      }
      return { ok: true, value };
    } catch {
      return { ok: false, status: 400, message: 'Malformed JSON.' };
    }
  }
  return { ok: false, status: 415, message: 'Send application/x-www-form-urlencoded or application/json.' };
}

function str(value) {
  return typeof value === 'string' ? value : '';
}

function isOn(value) {
  return value === 'yes' || value === 'on' || value === 'true' || value === true;
}

function baseHeaders(extra = {}) {
  return { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra };
}

function sendPage(res, status, page, extraHeaders = {}) {
  const body = toHtmlString(page);
  res.writeHead(
    status,
    baseHeaders({
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'content-security-policy': "frame-ancestors 'self'",
      ...extraHeaders,
    }),
  );
  res.end(body);
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(
    status,
    baseHeaders({ 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }),
  );
  res.end(body);
}

function sendText(res, status, text) {
  res.writeHead(
    status,
    baseHeaders({ 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) }),
  );
  res.end(text);
}

// ---------------------------------------------------------------------------------------------------
// Live help: a minimal WebSocket endpoint (RFC 6455 handshake, short unfragmented text frames), enough
// for the help page to open a connection and send one question. Counted in state.liveHelp.

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function acceptLiveHelp(site, req, socket) {
  const key = req.headers['sec-websocket-key'];
  if (new URL(req.url ?? '/', 'http://placeholder').pathname !== '/support/chat' || typeof key !== 'string') {
    socket.destroy();
    return;
  }
  site.state.liveHelp.connections += 1;
  const accept = createHash('sha1')
    .update(key + WEBSOCKET_GUID)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  socket.on('data', (frame) => {
    const opcode = frame[0] & 0x0f;
    if (opcode === 0x8) return socket.end();
    const length = frame[1] & 0x7f;
    if (opcode !== 0x1 || length > 125 || !(frame[1] & 0x80)) return;
    const mask = frame.subarray(2, 6);
    const payload = Buffer.from(frame.subarray(6, 6 + length).map((byte, index) => byte ^ mask[index % 4]));
    site.state.liveHelp.messages.push(payload.toString('utf8'));
  });
  socket.on('error', () => socket.destroy());
}

function redirect(res, location, extraHeaders = {}) {
  res.writeHead(302, baseHeaders({ location, 'content-length': 0, ...extraHeaders }));
  res.end();
}

function apiError(code, message) {
  return { ok: false, error: { code, message } };
}

// ---------------------------------------------------------------------------------------------------
// Sessions

function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function getSession(site, req) {
  const token = readCookie(req, SESSION_COOKIE);
  return token ? site.sessions.get(token) : undefined;
}

function pageContext(site, req, session = getSession(site, req)) {
  const flash = session?.flash;
  if (session) session.flash = undefined;
  return { ui: createUi(site.variant), state: site.state, flash };
}

function setFlash(session, message) {
  session.flash = message;
}

/** Only same-site paths, so `?next=` can't bounce a signed-in user to another site. */
function safeNextPath(next) {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}

// ---------------------------------------------------------------------------------------------------
// Validation (the same rules and wording as the client-side checks in pages.mjs)

function parseContact(body) {
  const contact = {
    firstName: str(body.firstName).trim(),
    lastName: str(body.lastName).trim(),
    email: str(body.email).trim(),
    company: str(body.company),
    channel: str(body.channel),
    newsletter: isOn(body.newsletter),
    birthday: str(body.birthday),
    notes: str(body.notes),
  };
  const errors = {};
  if (!contact.firstName) errors.firstName = 'Enter a first name.';
  if (!contact.lastName) errors.lastName = 'Enter a last name.';
  if (!contact.email) errors.email = 'Enter an email address.';
  else if (!EMAIL_PATTERN.test(contact.email)) errors.email = 'Enter a valid email address, like name@example.com.';
  if (!COMPANIES.includes(contact.company)) errors.company = 'Choose a company from the list.';
  if (!CHANNELS.some((c) => c.value === contact.channel)) errors.channel = 'Choose a preferred channel.';
  if (contact.birthday && !/^\d{4}-\d{2}-\d{2}$/.test(contact.birthday)) errors.birthday = 'Enter a date.';
  return { contact, errors };
}

function parseMessage(body) {
  const values = { to: str(body.to).trim(), subject: str(body.subject).trim(), body: str(body.body) };
  const errors = {};
  if (!EMAIL_PATTERN.test(values.to)) errors.to = 'Enter a valid recipient email address.';
  if (!values.subject) errors.subject = 'Enter a subject.';
  if (!values.body.trim()) errors.body = 'Write a message.';
  return { values, errors };
}

function findContact(site, params) {
  return site.state.contacts.find((c) => String(c.id) === params.id);
}

// ---------------------------------------------------------------------------------------------------
// Routes of the main app. `auth` routes need a session; `api` routes answer JSON instead of redirecting.

const MAIN_ROUTES = [
  {
    method: 'GET',
    pattern: /^\/login$/,
    handler: ({ site, res, url, session }) => {
      if (session) return redirect(res, safeNextPath(url.searchParams.get('next')));
      sendPage(
        res,
        200,
        loginPage(createUi(site.variant), {
          next: url.searchParams.get('next') ?? '',
          signedOut: url.searchParams.has('signed_out'),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/login$/,
    handler: ({ site, res, body }) => {
      const email = str(body.email).trim();
      if (email.toLowerCase() !== DEMO_USER.email || str(body.password) !== DEMO_USER.password) {
        return sendPage(
          res,
          401,
          loginPage(createUi(site.variant), {
            error: 'Wrong email or password. Check them and try again.',
            email,
            next: str(body.next),
          }),
        );
      }
      const token = randomBytes(24).toString('base64url');
      site.sessions.set(token, { email: DEMO_USER.email, flash: undefined });
      redirect(res, safeNextPath(str(body.next) || '/'), {
        'set-cookie': `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`,
      });
    },
  },
  {
    method: 'POST',
    pattern: /^\/logout$/,
    handler: ({ site, req, res }) => {
      const token = readCookie(req, SESSION_COOKIE);
      if (token) site.sessions.delete(token);
      redirect(res, '/login?signed_out=1', {
        'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, dashboardPage(pageContext(site, req))),
  },
  {
    method: 'GET',
    pattern: /^\/contacts$/,
    auth: true,
    handler: ({ site, req, res, url }) =>
      sendPage(res, 200, contactsPage(pageContext(site, req), { q: url.searchParams.get('q') ?? '' })),
  },
  {
    method: 'GET',
    pattern: /^\/contacts\/new$/,
    auth: true,
    handler: ({ site, req, res }) =>
      sendPage(res, 200, contactFormPage(pageContext(site, req), { contact: { ...EMPTY_CONTACT } })),
  },
  {
    method: 'POST',
    pattern: /^\/contacts\/new$/,
    auth: true,
    handler: ({ site, req, res, body, session }) => {
      const { contact, errors } = parseContact(body);
      if (Object.keys(errors).length > 0) {
        return sendPage(res, 422, contactFormPage(pageContext(site, req), { contact, errors }));
      }
      const id = site.state.nextId.contact++;
      site.state.contacts.push({ id, ...contact });
      setFlash(session, `Contact ${contact.firstName} ${contact.lastName} created.`);
      redirect(res, '/contacts');
    },
  },
  {
    method: 'GET',
    pattern: /^\/contacts\/(?<id>\d+)\/edit$/,
    auth: true,
    handler: ({ site, req, res, params }) => {
      const contact = findContact(site, params);
      if (!contact) return sendPage(res, 404, notFoundPage(pageContext(site, req)));
      sendPage(res, 200, contactFormPage(pageContext(site, req), { contact, id: contact.id }));
    },
  },
  {
    method: 'POST',
    pattern: /^\/contacts\/(?<id>\d+)\/edit$/,
    auth: true,
    handler: ({ site, req, res, params, body, session }) => {
      const existing = findContact(site, params);
      if (!existing) return sendPage(res, 404, notFoundPage(pageContext(site, req)));
      const { contact, errors } = parseContact(body);
      if (Object.keys(errors).length > 0) {
        return sendPage(res, 422, contactFormPage(pageContext(site, req), { contact, errors, id: existing.id }));
      }
      Object.assign(existing, contact);
      setFlash(session, `Contact ${contact.firstName} ${contact.lastName} saved.`);
      redirect(res, '/contacts');
    },
  },
  {
    method: 'POST',
    pattern: /^\/contacts\/(?<id>\d+)\/delete$/,
    auth: true,
    handler: ({ site, req, res, params, session }) => {
      const contact = findContact(site, params);
      if (!contact) return sendPage(res, 404, notFoundPage(pageContext(site, req)));
      site.state.contacts = site.state.contacts.filter((c) => c !== contact);
      setFlash(session, `Deleted ${contact.firstName} ${contact.lastName}.`);
      redirect(res, '/contacts');
    },
  },
  {
    method: 'GET',
    pattern: /^\/messages$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, messagesPage(pageContext(site, req))),
  },
  {
    method: 'GET',
    pattern: /^\/messages\/new$/,
    auth: true,
    handler: ({ site, req, res, url }) =>
      sendPage(
        res,
        200,
        composePage(pageContext(site, req), {
          values: { to: url.searchParams.get('to') ?? '', subject: '', body: '' },
        }),
      ),
  },
  {
    method: 'POST',
    pattern: /^\/messages\/new$/,
    auth: true,
    handler: ({ site, req, res, body, session }) => {
      const { values, errors } = parseMessage(body);
      if (Object.keys(errors).length > 0) {
        return sendPage(res, 422, composePage(pageContext(site, req), { values, errors }));
      }
      site.state.sentMessages.push({ id: site.state.nextId.message++, ...values });
      setFlash(session, `Message sent to ${values.to}.`);
      redirect(res, '/messages');
    },
  },
  {
    method: 'GET',
    pattern: /^\/settings$/,
    auth: true,
    handler: ({ site, req, res }) =>
      sendPage(res, 200, settingsPage(pageContext(site, req), { crossOriginUrl: site.crossOriginUrl })),
  },
  {
    method: 'POST',
    pattern: /^\/settings$/,
    auth: true,
    handler: ({ site, res, body, session }) => {
      const settings = site.state.settings;
      const displayName = str(body.displayName).trim();
      const timezone = str(body.timezone);
      const language = str(body.language);
      if (!TIMEZONES.includes(timezone) || !LANGUAGES.some((l) => l.value === language)) {
        return sendText(res, 400, 'Choose a time zone and language from the lists.');
      }
      Object.assign(settings, { timezone, language, compactTables: isOn(body.compactTables) });
      if (displayName) {
        settings.displayName = displayName;
        setFlash(session, 'Settings saved.');
      } else {
        setFlash(session, `Settings saved. Display name can't be empty, so it stays “${settings.displayName}”.`);
      }
      redirect(res, '/settings');
    },
  },
  {
    method: 'GET',
    pattern: /^\/settings\/notifications-frame$/,
    auth: true,
    handler: ({ site, req, res, url }) =>
      sendPage(res, 200, notificationsFramePage(pageContext(site, req), { saved: url.searchParams.has('saved') })),
  },
  {
    method: 'POST',
    pattern: /^\/settings\/notifications-frame$/,
    auth: true,
    handler: ({ site, res, body }) => {
      const digest = str(body.digest);
      if (!DIGESTS.some((d) => d.value === digest)) return sendText(res, 400, 'Choose a digest frequency.');
      site.state.settings.notifications = { contactAdded: isOn(body.contactAdded), digest };
      redirect(res, '/settings/notifications-frame?saved=1');
    },
  },
  {
    method: 'GET',
    pattern: /^\/reports$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, reportsPage(pageContext(site, req))),
  },
  {
    method: 'GET',
    pattern: /^\/reports\/summary\.csv$/,
    auth: true,
    handler: ({ site, res, url }) => {
      const type = url.searchParams.get('type') ?? REPORT_TYPES[0]?.value;
      const report = buildReport(site.state, type);
      const csvCell = (v) => `"${String(v).replaceAll('"', '""')}"`;
      const csv = `Item,Count\n${report.rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
      res.writeHead(
        200,
        baseHeaders({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${type === 'messages-sent' ? 'messages-sent' : 'contacts-by-company'}.csv"`,
          'content-length': Buffer.byteLength(csv),
        }),
      );
      res.end(csv);
    },
  },
  {
    method: 'GET',
    pattern: /^\/app$/,
    auth: true,
    handler: ({ res }) => redirect(res, '/app/inbox'),
  },
  {
    method: 'GET',
    pattern: /^\/app\/.*$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, spaPage(pageContext(site, req))),
  },
  {
    // "Leaving Acme": an open redirect like many sites have (tracking links, SSO hops), limited to
    // loopback addresses. Replay must notice when one takes the tab off the allowed sites.
    method: 'GET',
    pattern: /^\/go$/,
    handler: ({ res, url }) => {
      const to = url.searchParams.get('to') ?? '/';
      let target;
      try {
        target = new URL(to, 'http://placeholder');
      } catch {
        return sendText(res, 400, 'Bad address.');
      }
      if (target.host !== 'placeholder' && !isLoopbackHost(target.hostname.replace(/^\[|\]$/g, ''))) {
        return sendText(res, 400, 'The demo site only redirects to loopback addresses.');
      }
      redirect(res, to);
    },
  },
  {
    method: 'GET',
    pattern: /^\/help$/,
    auth: true,
    handler: ({ site, req, res, url }) =>
      sendPage(res, 200, helpPage(pageContext(site, req), { q: url.searchParams.get('q') ?? '' })),
  },
  {
    method: 'POST',
    pattern: /^\/help\/feedback$/,
    auth: true,
    handler: ({ site, req, res, body, session }) => {
      const values = { message: str(body.message), helpful: ['yes', 'no'].includes(body.helpful) ? body.helpful : '' };
      if (!values.message.trim()) {
        const errors = { message: 'Write your feedback first.' };
        return sendPage(res, 422, helpPage(pageContext(site, req), { q: '', errors, values }));
      }
      site.state.submissions.feedback.push(values);
      setFlash(session, 'Thanks for your feedback!');
      redirect(res, '/help');
    },
  },
  {
    method: 'GET',
    pattern: /^\/onboarding$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, onboardingPage(pageContext(site, req))),
  },
  {
    method: 'GET',
    pattern: /^\/dashboard\/pins$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, dashboardPinsPage(pageContext(site, req))),
  },
  {
    method: 'GET',
    pattern: /^\/survey$/,
    auth: true,
    handler: ({ site, req, res }) => sendPage(res, 200, surveyPage(pageContext(site, req))),
  },
  {
    method: 'POST',
    pattern: /^\/survey$/,
    auth: true,
    handler: ({ site, res, body, session }) => {
      const answers = [];
      const agreed = [];
      for (let n = 1; n <= SURVEY_QUESTIONS; n += 1) {
        answers.push(str(body[`q${n}`]));
        if (isOn(body[`agree${n}`])) agreed.push(n);
      }
      site.state.submissions.survey.push({ answers, agreed });
      const answered = answers.filter((a) => a.trim()).length;
      setFlash(session, `Thanks! We received ${answered} answers and ${agreed.length} agreements.`);
      redirect(res, '/survey');
    },
  },
  // JSON endpoints used by the pages' scripts.
  {
    method: 'POST',
    pattern: /^\/api\/notes$/,
    auth: true,
    api: true,
    handler: ({ site, res, body }) => {
      const text = str(body.text).trim();
      if (!text) return sendJson(res, 422, apiError('invalid_note', 'Write a note first.'));
      const note = { id: site.state.nextId.note++, text };
      site.state.quickNotes.push(note);
      sendJson(res, 201, { ok: true, note });
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/tasks\/(?<id>\d+)\/done$/,
    auth: true,
    api: true,
    handler: ({ site, res, params }) => {
      const task = site.state.tasks.find((t) => String(t.id) === params.id);
      if (!task) return sendJson(res, 404, apiError('not_found', 'That task no longer exists.'));
      task.status = 'done';
      sendJson(res, 200, { ok: true, task });
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/reports\/data$/,
    auth: true,
    api: true,
    handler: ({ site, res, url }) => {
      const type = url.searchParams.get('type') ?? '';
      if (!REPORT_TYPES.some((t) => t.value === type)) {
        return sendJson(res, 400, apiError('unknown_report', 'Choose a report type.'));
      }
      sendJson(res, 200, buildReport(site.state, type));
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/reports\/archive$/,
    auth: true,
    api: true,
    handler: ({ site, res, body }) => {
      const type = str(body.type);
      if (!REPORT_TYPES.some((t) => t.value === type)) {
        return sendJson(res, 422, apiError('unknown_report', 'Generate a report before archiving it.'));
      }
      site.state.reports.archived.push({ type });
      sendJson(res, 200, { ok: true });
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/onboarding\/profile$/,
    auth: true,
    api: true,
    handler: ({ site, res, body }) => {
      const profile = {
        companyName: str(body.companyName).trim(),
        companySize: str(body.companySize),
        website: str(body.website).trim(),
      };
      if (!profile.companyName) return sendJson(res, 422, apiError('invalid_profile', 'Enter your company name.'));
      if (!COMPANY_SIZES.includes(profile.companySize)) {
        return sendJson(res, 422, apiError('invalid_profile', 'Choose a company size.'));
      }
      site.state.submissions.onboarding.push(profile);
      sendJson(res, 200, { ok: true });
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/widgets\/pins$/,
    auth: true,
    api: true,
    handler: ({ site, res, body }) => {
      const widget = str(body.widget);
      if (!PINNABLE_WIDGETS.includes(widget) || typeof body.pinned !== 'boolean') {
        return sendJson(res, 422, apiError('invalid_pin', 'Unknown widget.'));
      }
      const pinned = site.state.pinnedWidgets.filter((name) => name !== widget);
      site.state.pinnedWidgets = body.pinned ? [...pinned, widget] : pinned;
      sendJson(res, 200, { ok: true });
    },
  },
  // Test hooks: no session needed.
  {
    method: 'GET',
    pattern: /^\/api\/state$/,
    handler: ({ site, res }) => sendJson(res, 200, snapshotState(site.state, site.variant)),
  },
  {
    method: 'POST',
    pattern: /^\/api\/reset$/,
    handler: ({ site, res }) => {
      site.state = createState();
      sendJson(res, 200, { ok: true });
    },
  },
  {
    method: 'GET',
    pattern: /^\/favicon\.ico$/,
    handler: ({ res }) => {
      res.writeHead(204, baseHeaders());
      res.end();
    },
  },
];

// The second origin: only the chat widget.
const CROSS_ORIGIN_ROUTES = [
  {
    method: 'GET',
    pattern: /^\/widget$/,
    handler: ({ site, res }) =>
      sendPage(res, 200, widgetPage(createUi(site.variant), site.state.widget), {
        // Only the demo app may frame the widget.
        'content-security-policy': `frame-ancestors ${site.url}`,
      }),
  },
  {
    method: 'POST',
    pattern: /^\/widget\/connect$/,
    handler: ({ site, res, body }) => {
      const channel = str(body.channel).trim().replace(/^#/, '').toLowerCase();
      if (!CHANNEL_NAME_PATTERN.test(channel)) {
        return sendJson(
          res,
          422,
          apiError('invalid_channel', 'Enter a channel name using letters, numbers, hyphens or underscores.'),
        );
      }
      const channels = site.state.widget.connectedChannels;
      if (!channels.includes(channel)) channels.push(channel);
      sendJson(res, 200, { ok: true, channel });
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Replay benchmark page (bench/replay.ts): `GET /bench/replay?rows=N`, no sign-in. N rows of controls
// whose every effect is visible in the DOM, so a benchmark can check that a tool did the work: a text
// field where Enter copies the value into "Saved: …", a size list, a checkbox and a toggle button
// (aria-pressed). No <form>: nothing on it submits, so replay never stops to ask.

const BENCH_MAX_ROWS = 1000;

function benchReplayPage(rows) {
  const items = [];
  for (let n = 1; n <= rows; n += 1) {
    items.push(`<fieldset id="item-${n}"><legend>Item ${n}</legend>
<label for="item-${n}-name">Item ${n} name</label> <input id="item-${n}-name" type="text" autocomplete="off" data-saves="item-${n}-saved">
<span>Saved: <b id="item-${n}-saved"></b></span>
<label for="item-${n}-size">Item ${n} size</label> <select id="item-${n}-size"><option value="">Choose…</option><option value="s">Small</option><option value="m">Medium</option><option value="l">Large</option></select>
<span><input type="checkbox" id="item-${n}-include"> <label for="item-${n}-include">Include item ${n}</label></span>
<button type="button" id="item-${n}-star" aria-pressed="false">Star item ${n}</button>
</fieldset>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inventory review · Acme CRM</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}fieldset{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:0 0 8px;border:1px solid #ccd}button[aria-pressed=true]{background:#fd4}</style>
</head><body><main><h1>Inventory review</h1>
${items.join('\n')}
</main>
<script>
document.addEventListener('keydown', (event) => {
  const field = event.target;
  if (event.key === 'Enter' && field instanceof HTMLInputElement && field.dataset.saves) {
    document.getElementById(field.dataset.saves).textContent = field.value;
  }
});
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[aria-pressed]') : null;
  if (button) button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
});
</script></body></html>`;
}

MAIN_ROUTES.push({
  method: 'GET',
  pattern: /^\/bench\/replay$/,
  handler: ({ res, url }) => {
    const rows = Number(url.searchParams.get('rows') ?? '40');
    if (!Number.isInteger(rows) || rows < 0 || rows > BENCH_MAX_ROWS) {
      return sendText(res, 400, `rows must be a whole number from 0 to ${BENCH_MAX_ROWS}.`);
    }
    const body = benchReplayPage(rows);
    res.writeHead(
      200,
      baseHeaders({ 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) }),
    );
    res.end(body);
  },
});

// ---------------------------------------------------------------------------------------------------
// Photo gallery (recording and replaying scroll and hover steps, issue 5): `GET /gallery`, no sign-in.
// A "Sort photos" menu that a script opens on mouseenter and closes on mouseleave (items "Oldest
// first", "Newest first"); a "Photos" list 240 px high that loads 12 more photos 150 ms after it is
// scrolled near its end (up to 36), each with a "Favourite Photo N" button; "Back to top", which
// scrolls the list from a script. Every effect shows on the page ("Sorted: …", "Favourites: …").

const GALLERY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Photo gallery · Acme CRM</title>
<style>
body{font:15px system-ui,sans-serif;margin:24px;color:#1f2933}
.toolbar{display:flex;gap:12px;align-items:flex-start;margin-bottom:12px}
.menu{position:relative}
.menu [role=menu]{position:absolute;top:100%;left:0;display:flex;flex-direction:column;background:#fff;border:1px solid #bcccdc;padding:4px;z-index:1}
.menu [role=menu][hidden]{display:none}
#photos{height:240px;width:420px;overflow:auto;border:1px solid #bcccdc}
.photo{height:60px;box-sizing:border-box;padding:8px 12px;display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #eef}
.photo:hover{background:#f0f4ff}
</style></head><body><main>
<h1>Photo gallery</h1>
<div class="toolbar">
  <div class="menu" id="sort-menu">
    <button type="button" id="sort-button" aria-haspopup="menu">Sort photos</button>
    <div role="menu" id="sort-options" aria-label="Sort order" hidden>
      <button type="button" role="menuitem" data-order="oldest first">Oldest first</button>
      <button type="button" role="menuitem" data-order="newest first">Newest first</button>
    </div>
  </div>
  <button type="button" id="back-to-top">Back to top</button>
</div>
<section id="photos" aria-label="Photos"></section>
<p id="sorted">Sorted: newest first.</p>
<p id="favourites">Favourites: none.</p>
</main>
<script>
{
  const menu = document.getElementById('sort-menu');
  const options = document.getElementById('sort-options');
  menu.addEventListener('mouseenter', () => { options.hidden = false; });
  menu.addEventListener('mouseleave', () => { options.hidden = true; });
  options.addEventListener('click', (event) => {
    const item = event.target.closest('[data-order]');
    if (!item) return;
    document.getElementById('sorted').textContent = 'Sorted: ' + item.dataset.order + '.';
    options.hidden = true;
  });
  const photos = document.getElementById('photos');
  const favourites = [];
  let count = 0;
  const loadMore = () => {
    for (const end = Math.min(count + 12, 36); count < end; ) {
      count += 1;
      const photo = document.createElement('div');
      photo.className = 'photo';
      photo.innerHTML = '<span>Photo ' + count + '</span><button type="button">Favourite Photo ' + count + '</button>';
      photos.append(photo);
    }
  };
  loadMore();
  let loading = false;
  photos.addEventListener('scroll', () => {
    if (loading || photos.scrollTop + photos.clientHeight < photos.scrollHeight - 60) return;
    loading = true;
    setTimeout(() => { loadMore(); loading = false; }, 150);
  });
  photos.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    favourites.push(button.textContent.replace('Favourite ', ''));
    document.getElementById('favourites').textContent = 'Favourites: ' + favourites.join(', ') + '.';
  });
  document.getElementById('back-to-top').addEventListener('click', () => { photos.scrollTop = 0; });
}
</script></body></html>`;

MAIN_ROUTES.push({
  method: 'GET',
  pattern: /^\/gallery$/,
  handler: ({ res }) => {
    res.writeHead(
      200,
      baseHeaders({ 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(GALLERY_PAGE) }),
    );
    res.end(GALLERY_PAGE);
  },
});

// ---------------------------------------------------------------------------------------------------
// CLI

const USAGE = `Usage: node test/demo-site/server.mjs [options]

Starts the Acme CRM demo site on 127.0.0.1.

Options:
  --port N                Port of the app (default: a free port)
  --cross-origin-port N   Port of the cross-origin widget server (default: a free port)
  --variant NAME          normal (default) or changed (the same app after a "rebuild")
  --help                  Show this help
`;

function parseCliArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--port' || arg === '--cross-origin-port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { error: `${arg} needs a port number (0–65535).` };
      options[arg === '--port' ? 'port' : 'crossOriginPort'] = port;
      i += 1;
    } else if (arg === '--variant') {
      if (!VARIANTS.includes(value)) return { error: '--variant must be normal or changed.' };
      options.variant = value;
      i += 1;
    } else {
      return { error: `Unknown option: ${arg}` };
    }
  }
  return { options };
}

async function main() {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (parsed.error) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const site = await startDemoSite(parsed.options);
  process.stdout.write(
    `Acme CRM demo site (variant: ${parsed.options.variant ?? 'normal'})\n` +
      `  App:           ${site.url}\n` +
      `  Cross-origin:  ${site.crossOriginUrl}/widget\n` +
      `  Sign in as:    ${DEMO_USER.email} / ${DEMO_USER.password}\n` +
      `  State:         ${site.url}/api/state (POST ${site.url}/api/reset to restore seed data)\n` +
      'Press Ctrl+C to stop.\n',
  );
  const stop = () => {
    site.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isMainModule() {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main().catch((error) => {
    process.stderr.write(`demo-site: could not start: ${error.message}\n`);
    process.exitCode = 1;
  });
}
