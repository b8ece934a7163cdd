'use strict';
// Shared helpers of the harness: step output, checks, bounded waits and a tiny PNG encoder.

const zlib = require('zlib');

function emit(step, data) {
  process.stdout.write(JSON.stringify({ step, ...data }) + '\n');
}

// With handshake, every reported step waits for one line on stdin before the flow goes on, so the caller can check
// the emulator's state at exactly that point (lock-step); without it, report() only prints.
function createReporter(handshake) {
  if (!handshake) {
    return async (step, data) => emit(step, data);
  }
  const lines = [];
  const waiters = [];
  require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
    const waiter = waiters.shift();
    waiter ? waiter(line) : lines.push(line);
  });
  return (step, data) => {
    emit(step, data);
    return lines.length ? Promise.resolve(lines.shift()) : new Promise((resolve) => waiters.push(resolve));
  };
}

class StepError extends Error {
  constructor(step, message, detail) {
    super(`${step}: ${message}`);
    this.step = step;
    this.detail = detail;
  }
}

function check(step, condition, message, detail) {
  if (!condition) {
    throw new StepError(step, message, detail);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls until probe() returns a truthy value or the step's time runs out.
// describe() supplies the failure detail (e.g. what was seen instead).
async function until(step, what, probe, timeoutMs, describe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) {
      return value;
    }
    check(step, Date.now() < deadline, `timed out waiting for ${what}`, describe && describe());
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------- a tiny PNG encoder
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// An 8x8 RGB gradient: small, valid, and distinct per run (the seed shifts the colours).
function makePng(seed) {
  const size = 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      row[1 + x * 3] = (x * 32 + seed) & 0xff;
      row[2 + x * 3] = (y * 32) & 0xff;
      row[3 + x * 3] = (seed * 7) & 0xff;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

module.exports = { emit, createReporter, check, until, sleep, StepError, makePng, crc32 };
