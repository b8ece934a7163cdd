'use strict';
// koishi with koishi-plugin-adapter-onebot against the QQ emulator. protocol "http" (adapter 6.5.4): API calls with
// Authorization: Token, signed event POSTs received on koishi's server; "ws" (6.9.4): forward WebSocket to endpoint;
// "ws-reverse" (6.9.4): koishi's server takes the emulator's reverse connection on /onebot. One JSON line per step.
// Usage: node harness.js '{"protocol":"http","endpoint":"http://127.0.0.1:5700","port":5140,"selfId":"10001","token":"t","secret":"s"}'
const { Context } = require('koishi');
const server = require('@koishijs/plugin-server');
const http = require('@koishijs/plugin-http');
const adapters = { http: require('koishi-plugin-adapter-onebot'), ws: require('onebot-694'), 'ws-reverse': require('onebot-694') };

const config = JSON.parse(process.argv[2]);
const say = (step, detail = {}) => process.stdout.write(JSON.stringify({ step, ...detail }) + '\n');

async function main() {
  const ctx = new Context();
  ctx.plugin(http.default ?? http);
  ctx.plugin(server.default ?? server, { host: '127.0.0.1', port: config.port });
  const protocol = config.protocol ?? 'http';
  const onebot = adapters[protocol];
  ctx.plugin(onebot.default ?? onebot, {
    protocol,
    selfId: config.selfId,
    endpoint: config.endpoint,
    token: config.token,
    secret: config.secret,
    path: '/onebot',
  });

  // Once online (after get_login_info), read the friends through the adapter's internal API.
  ctx.on('login-updated', async (session) => {
    if (session.bot.status !== 1) return;
    say('online', { selfId: session.bot.selfId, name: session.bot.user?.name ?? null });
    try {
      const friends = await session.bot.internal.getFriendList();
      say('friends', { ids: friends.map((f) => String(f.user_id)) });
    } catch (e) {
      say('error', { message: String(e && e.stack || e) });
    }
  });
  ctx.on('message', async (session) => {
    say('message', { userId: session.userId, channelId: session.channelId, content: session.content, isDirect: session.isDirect });
    if (session.content === 'ping') {
      const ids = await session.send('pong');
      say('replied', { ids });
    }
  });
  ctx.on('message-deleted', (session) => say('deleted', { messageId: session.messageId }));

  await ctx.start();
  say('listening', { port: config.port });
}

main().catch((e) => {
  say('error', { message: String(e && e.stack || e) });
  process.exit(1);
});
