'use strict';
// One wechat4u instance bound to the emulator through the loopback contract, plus a small /control client.

const { check, until } = require('./util');

// Every request wechat4u makes goes through the instance's `request` function: rewrite its absolute https URL to the
// loopback origin, keep path and query, and name the real host in X-Upstream-Host.
function bindLoopback(bot, baseUrl, calls) {
  const send = bot.request;
  bot.request = (options) => {
    const upstream = new URL(options.url);
    if (upstream.protocol !== 'https:') {
      return Promise.reject(new Error(`wechat4u called a non-https URL: ${options.url}`));
    }
    calls.push(`${options.method || 'GET'} ${upstream.host}${upstream.pathname}`);
    const target = new URL(upstream.pathname + upstream.search, baseUrl);
    const headers = { ...(options.headers || {}), 'X-Upstream-Host': upstream.host };
    return send({ ...options, url: target.toString(), headers });
  };
}

class Control {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async call(method, path, body) {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`control ${method} ${path} answered ${res.status}: ${text}`);
    }
    return text ? JSON.parse(text) : null;
  }

  scan(uuid, wxid) {
    return this.call('POST', 'control/logins/scan', { uuid, wxid });
  }

  confirm(uuid) {
    return this.call('POST', `control/logins/${encodeURIComponent(uuid)}/confirm`);
  }

  sendText(from, to, content) {
    return this.call('POST', 'control/messages', { from, to, content });
  }
}

// Starts a wechat4u instance for `wxid`: its phone (the control API) scans as soon as the uuid is known and confirms
// once wechat4u has seen the 201 "scanned" answer. Resolves when wechat4u emitted `login`.
async function startBot(Wechat, baseUrl, control, wxid, timeoutMs, step) {
  const bot = new Wechat();
  const seen = { calls: [], errors: [], messages: [], uuid: null, scanned: false, confirmed: null, scan: null, init: null, loggedIn: false, loggedOut: false };
  bindLoopback(bot, baseUrl, seen.calls);
  // wechat4u's stop() calls logout() without returning its promise: keep it so the caller can await the request.
  const logout = bot.logout.bind(bot);
  bot.logout = () => (seen.logoutPromise = logout());
  bot.on('error', (err) => seen.errors.push(String((err && err.tips) || '') + ' ' + String(err && err.message)));
  bot.on('message', (msg) => seen.messages.push(msg));
  bot.on('init', (data) => (seen.init = data));
  bot.on('login', () => (seen.loggedIn = true));
  bot.on('logout', () => (seen.loggedOut = true));
  bot.on('uuid', (uuid) => {
    seen.uuid = uuid;
    control.scan(uuid, wxid).then((r) => (seen.scan = r), (e) => seen.errors.push(`scan: ${e.message}`));
  });
  bot.on('user-avatar', (avatar) => {
    seen.scanned = typeof avatar === 'string' && avatar.startsWith('data:img/jpg;base64,');
    control.confirm(seen.uuid).then((r) => (seen.confirmed = r), (e) => seen.errors.push(`confirm: ${e.message}`));
  });
  bot.start();
  await until(step, `${wxid} to log in`, () => seen.loggedIn || seen.loggedOut, timeoutMs);
  check(step, seen.loggedIn, `${wxid}: wechat4u stopped instead of logging in`, seen.errors);
  return { bot, seen };
}

// The contact whose NickName (or RemarkName) is `nick`, once wechat4u's contact list holds it.
function findContact(bot, nick) {
  return Object.values(bot.contacts).find((c) => c.NickName === nick || c.RemarkName === nick);
}

module.exports = { bindLoopback, Control, startBot, findContact };
