'use strict';
// The conformance flow: QR login → init → contacts → a friend's message is received → reply text → send an image →
// revoke it → logout. The friend is logged in on the web too, so the receiving side is a real client as well.

const { createReporter, check, until } = require('./util');
const { Control, startBot, findContact } = require('./bot');

const MSGTYPE_TEXT = 1;
const MSGTYPE_IMAGE = 3;
const MSGTYPE_RECALLED = 10002;

async function run(baseUrl, c, { Wechat, AlreadyLogoutError, makePng }) {
  const control = new Control(baseUrl);
  const report = createReporter(Boolean(c.handshake));
  const wait = c.stepTimeoutMs;

  // The friend's web session first (it must be online to receive the reply, the image and the revoke).
  const peer = await startBot(Wechat, baseUrl, control, c.friend, wait, 'peer.login');
  await report('peer.login', { ok: true, uuid: peer.seen.uuid, user: userOf(peer.bot) });

  // 1. QR login of the account.
  const me = await startBot(Wechat, baseUrl, control, c.account, wait, 'login');
  check('login', me.seen.scanned, 'wechat4u never saw the 201 scanned answer with the avatar');
  check('login', me.bot.user.UserName && me.bot.user.UserName.startsWith('@'), 'no User.UserName', me.bot.user);
  check('login', me.bot.user.NickName === c.accountNickName, `User.NickName is ${me.bot.user.NickName}`);
  await report('login', {
    ok: true,
    uuid: me.seen.uuid,
    scanned: me.seen.scanned,
    scanState: me.seen.scan && me.seen.scan.state,
    confirmState: me.seen.confirmed && me.seen.confirmed.state,
    user: userOf(me.bot),
    uin: me.bot.PROP.uin,
    hasSid: Boolean(me.bot.PROP.sid),
    hasSkey: Boolean(me.bot.PROP.skey),
    hasPassTicket: Boolean(me.bot.PROP.passTicket),
    hasDataTicket: Boolean(me.bot.PROP.webwxDataTicket),
    hosts: [...new Set(me.seen.calls.map((call) => call.split(' ')[1].split('/')[0]))],
  });

  // 2. init (webwxinit answered before 'login'; the synckey drives synccheck).
  const init = me.seen.init;
  check('init', init && init.BaseResponse.Ret === 0, 'webwxinit failed', init && init.BaseResponse);
  check('init', init.SyncKey && init.SyncKey.Count > 0, 'webwxinit returned no SyncKey');
  await report('init', {
    ok: true,
    ret: init.BaseResponse.Ret,
    contactCount: init.Count,
    contactListNames: (init.ContactList || []).map((x) => x.NickName || x.UserName),
    syncKeyCount: init.SyncKey.Count,
    formatedSyncKey: me.bot.PROP.formatedSyncKey,
    user: { UserName: init.User.UserName, NickName: init.User.NickName, Uin: init.User.Uin },
  });

  // 3. contacts (webwxgetcontact, pages followed by wechat4u).
  const friend = await until('contacts', `contact ${c.friendNickName}`, () => findContact(me.bot, c.friendNickName), wait);
  const peerViewOfMe = await until('contacts', `peer contact ${c.accountNickName}`, () => findContact(peer.bot, c.accountNickName), wait);
  const contacts = Object.values(me.bot.contacts);
  await report('contacts', {
    ok: true,
    count: contacts.length,
    names: contacts.map((x) => x.NickName || x.UserName),
    friend: { UserName: friend.UserName, NickName: friend.NickName, isSelf: friend.isSelf },
    hasFileHelper: Boolean(me.bot.contacts.filehelper),
  });

  // 4. The friend's phone sends a text; wechat4u receives it through synccheck + webwxsync.
  const sent = await control.sendText(c.friend, c.account, c.incomingText);
  const received = await until('receive', 'the friend\'s text', () =>
    me.seen.messages.find((m) => String(m.MsgId) === String(sent.msgId)), wait, () => seenMessages(me));
  // The service HTML-escapes text; wechat4u turns &lt; &gt; <br/> back but leaves &amp; (as against the real service).
  check('receive', received.MsgType === MSGTYPE_TEXT, `MsgType ${received.MsgType}`);
  check('receive', received.Content.replace(/&amp;/g, '&') === c.incomingText, 'text differs', received.Content);
  check('receive', received.FromUserName === friend.UserName, 'FromUserName is not the friend', received.FromUserName);
  check('receive', received.ToUserName === me.bot.user.UserName, 'ToUserName is not the account', received.ToUserName);
  await report('receive', {
    ok: true,
    controlMsgId: sent.msgId,
    deliveredTo: sent.deliveredTo,
    msgId: String(received.MsgId),
    newMsgId: String(received.NewMsgId),
    text: received.Content,
    fromUserName: received.FromUserName,
    isSendBySelf: received.isSendBySelf,
  });

  // 5. Reply with text (webwxsendmsg); the friend's web session receives it.
  const reply = await me.bot.sendMsg(c.replyText, received.FromUserName);
  check('reply', reply.BaseResponse.Ret === 0 && reply.MsgID, 'webwxsendmsg failed', reply);
  const peerReply = await until('reply', 'the reply at the friend', () =>
    peer.seen.messages.find((m) => m.MsgType === MSGTYPE_TEXT && m.Content === c.replyText), wait, () => seenMessages(peer));
  check('reply', peerReply.FromUserName === peerViewOfMe.UserName, 'reply not from the account at the friend');
  await report('reply', {
    ok: true,
    msgId: String(reply.MsgID),
    localId: String(reply.LocalID),
    peerMsgId: String(peerReply.MsgId),
    peerText: peerReply.Content,
    peerFromUserName: peerReply.FromUserName,
  });

  // 6. Send an image: webwxuploadmedia (file host) then webwxsendmsgimg; the friend downloads it (webwxgetmsgimg).
  const png = makePng(Date.now() % 251);
  const image = await me.bot.sendMsg({ file: png, filename: c.imageName }, received.FromUserName);
  check('image', image.BaseResponse.Ret === 0 && image.MsgID, 'webwxsendmsgimg failed', image);
  const peerImage = await until('image', 'the image at the friend', () =>
    peer.seen.messages.find((m) => m.MsgType === MSGTYPE_IMAGE && String(m.MsgId) === String(image.MsgID)), wait, () => seenMessages(peer));
  const download = await peer.bot.getMsgImg(peerImage.MsgId);
  const downloaded = Buffer.from(download.data);
  check('image', downloaded.equals(png), `downloaded ${downloaded.length} bytes, uploaded ${png.length}`);
  await report('image', {
    ok: true,
    msgId: String(image.MsgID),
    localId: String(image.LocalID),
    bytes: png.length,
    uploadHost: me.seen.calls.filter((x) => x.includes('webwxuploadmedia')).map((x) => x.split(' ')[1].split('/')[0])[0],
    peerMsgType: peerImage.MsgType,
    peerMsgId: String(peerImage.MsgId),
    peerDownloadBytes: downloaded.length,
    peerDownloadType: download.type,
  });

  // 7. Revoke the image (webwxrevokemsg); the friend's session gets MsgType 10002 naming the image's MsgId.
  const revoke = await me.bot.revokeMsg(String(image.MsgID), received.FromUserName);
  check('revoke', revoke.BaseResponse.Ret === 0, 'webwxrevokemsg failed', revoke);
  const peerRevoke = await until('revoke', 'the 10002 at the friend', () =>
    peer.seen.messages.find((m) => m.MsgType === MSGTYPE_RECALLED), wait, () => seenMessages(peer));
  const revokedId = (peerRevoke.Content.match(/<msgid>(\d+)<\/msgid>/) || [])[1];
  check('revoke', revokedId === String(image.MsgID), `10002 names msgid ${revokedId}`, peerRevoke.Content);
  await report('revoke', {
    ok: true,
    ret: revoke.BaseResponse.Ret,
    introduction: revoke.Introduction,
    peerMsgType: peerRevoke.MsgType,
    peerRevokedMsgId: revokedId,
    peerContent: peerRevoke.Content,
  });

  // 8. Logout (webwxlogout). Afterwards synccheck answers retcode "1101" (a string, as on the real service, so
  // wechat4u's strict === 1101 misses it and its assert fails with the raw answer attached) and webwxinit Ret 1101,
  // which wechat4u maps to AlreadyLogoutError.
  me.bot.stop();
  const logoutResult = await me.seen.logoutPromise;
  const afterLogout = await failureOf(() => me.bot.syncCheck(), AlreadyLogoutError);
  const syncCheckRetcode = ((afterLogout.raw || '').match(/retcode:"?(\d+)"?/) || [])[1];
  check('logout', syncCheckRetcode === '1101', `synccheck after logout: ${afterLogout.text}`, afterLogout.raw);
  const initAfterLogout = await failureOf(() => me.bot.init(), AlreadyLogoutError);
  check('logout', initAfterLogout.text === 'AlreadyLogoutError', `webwxinit after logout: ${initAfterLogout.text}`);
  await report('logout', {
    ok: true,
    result: logoutResult,
    state: me.bot.state,
    loggedOutEvent: me.seen.loggedOut,
    syncCheckAfterLogout: syncCheckRetcode,
    initAfterLogout: initAfterLogout.text,
    errors: me.seen.errors,
    calls: summarize(me.seen.calls),
  });

  peer.bot.stop();
  await peer.seen.logoutPromise;
  await report('peer.logout', { ok: true, errors: peer.seen.errors });
}

// Runs a call expected to fail: its error class/message and the raw response body wechat4u attached, if any.
async function failureOf(call, AlreadyLogoutError) {
  try {
    await call();
    return { text: 'no error', raw: null };
  } catch (err) {
    const raw = err.response && typeof err.response.data === 'string' ? err.response.data : null;
    return { text: err instanceof AlreadyLogoutError ? 'AlreadyLogoutError' : `${err.tips || ''} ${err.message}`, raw };
  }
}

function seenMessages(side) {
  return {
    messages: side.seen.messages.map((m) => ({ MsgId: m.MsgId, MsgType: m.MsgType, From: m.FromUserName, Content: m.Content })),
    errors: side.seen.errors,
    calls: summarize(side.seen.calls),
  };
}

function userOf(bot) {
  return { UserName: bot.user.UserName, NickName: bot.user.NickName, Uin: bot.user.Uin };
}

// "METHOD host/path" → count, in first-call order.
function summarize(calls) {
  const counts = {};
  for (const call of calls) {
    counts[call] = (counts[call] || 0) + 1;
  }
  return counts;
}

module.exports = { run };
