'use strict';
// Drives wechat4u 0.7.14 against the OpenWxCluster web WeChat emulator on loopback and prints one JSON line per
// step on stdout (lines start with {"step":...}; anything else on stdout is library noise and must be ignored).
//
// Usage: node harness.js --base-url http://127.0.0.1:5800/ --contract '<json>'   (or --contract-file path.json)
// Contract: {
//   account, accountNickName,   the emulated account wechat4u logs in as (its phone scans and confirms)
//   friend, friendNickName,     an emulated friend; it is also logged in on the web (a second wechat4u) so the
//                               friend's side of the reply, the image and the revoke is observed by a real client
//   incomingText, replyText,    the friend's phone message and the account's reply
//   imageName,                  file name of the generated PNG (the extension selects webwxsendmsgimg)
//   timeoutMs, stepTimeoutMs    overall bound (exit 1 when reached) and per-wait bound
//   handshake                   true: after each step line, wait for one line on stdin (the caller checks the
//                               emulator's state at that point); false/absent: run straight through
// }
// The loopback contract (docs/loopback-contract.md): every https://<host><path> wechat4u calls goes to
// <base-url><path> with the original host in X-Upstream-Host. Scan/confirm/messages use the emulator's /control API.
// Exit code: 0 every step passed, 1 a step failed or timed out, 2 bad arguments.

const { emit, makePng } = require('./util');
const Wechat = require('wechat4u');
const { AlreadyLogoutError } = require('wechat4u/lib/core');

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`bad argument ${argv[i]}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args['base-url'] || !(args.contract || args['contract-file'])) {
    throw new Error('usage: node harness.js --base-url <url> (--contract <json> | --contract-file <path>)');
  }
  const text = args.contract ?? require('fs').readFileSync(args['contract-file'], 'utf8');
  const contract = JSON.parse(text);
  for (const key of ['account', 'accountNickName', 'friend', 'friendNickName', 'incomingText', 'replyText']) {
    if (typeof contract[key] !== 'string' || contract[key] === '') {
      throw new Error(`contract.${key} is required`);
    }
  }
  contract.imageName = contract.imageName || 'conformance.png';
  contract.timeoutMs = contract.timeoutMs || 90000;
  contract.stepTimeoutMs = contract.stepTimeoutMs || 20000;
  return { baseUrl: new URL(args['base-url']), contract };
}


if (require.main === module) {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    emit('arguments', { ok: false, error: err.message });
    process.exit(2);
  }
  const overall = setTimeout(() => {
    emit('timeout', { ok: false, error: `harness exceeded ${parsed.contract.timeoutMs} ms` });
    process.exit(1);
  }, parsed.contract.timeoutMs);
  require('./flow').run(parsed.baseUrl, parsed.contract, { Wechat, AlreadyLogoutError, makePng })
    .then(() => {
      clearTimeout(overall);
      emit('done', { ok: true });
      process.exit(0);
    })
    .catch((err) => {
      emit(err.step || 'failure', { ok: false, error: err.message, detail: err.detail, stack: err.stack });
      process.exit(1);
    });
}
