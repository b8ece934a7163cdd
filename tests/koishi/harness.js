'use strict';
// koishi with koishi-plugin-adapter-onebot 6.5.4 in HTTP mode against the QQ emulator: it calls the OneBot HTTP API
// (Authorization: Token) and receives signed event POSTs on its own server. Each step is one JSON line on stdout.
// Usage: node harness.js '{"endpoint":"http://127.0.0.1:5700","port":5140,"selfId":"10001","token":"t","secret":"s"}'
const { Context } = require('koishi');
const server = require('@koishijs/plugin-server');
const http = require('@koishijs/plugin-http');
const onebot = require('koishi-plugin-adapter-onebot');

const config = JSON.parse(process.argv[2]);
const say = (step, detail = {}) => process.stdout.write(JSON.stringify({ step, ...detail }) + '\n');

async function main() {
  const ctx = new Context();
  ctx.plugin(http.default ?? http);
  ctx.plugin(server.default ?? server, { host: '127.0.0.1', port: config.port });
  ctx.plugin(onebot.default ?? onebot, {
    protocol: 'http',
    selfId: config.selfId,
    endpoint: config.endpoint,
    token: config.token,
    secret: config.secret,
    path: '/onebot',
  });

  ctx.on('login-updated', (session) => {
    if (session.bot.status === 1) say('online', { selfId: session.bot.selfId, name: session.bot.user?.name ?? null });
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
  const bot = ctx.bots.find((b) => b.selfId === config.selfId);
  if (bot) {
    const friends = await bot.internal.getFriendList();
    say('friends', { ids: friends.map((f) => String(f.user_id)) });
  }
}

main().catch((e) => {
  say('error', { message: String(e && e.stack || e) });
  process.exit(1);
});
