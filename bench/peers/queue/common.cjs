// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the queue peers' bench scripts (bench/queue/run.sh runs them):
// settings from the environment, timing, percentiles and the RESULT line
// that run.sh reads. The same phases as bench/queue/bench_queue.cpp.
'use strict';

const settings = {
    url: process.env.BENCH_QUEUE_URL,
    jobs: Number(process.env.BENCH_QUEUE_JOBS || 200000),
    connections: Number(process.env.BENCH_QUEUE_CONNECTIONS || 10),
    inFlight: Number(process.env.BENCH_QUEUE_IN_FLIGHT || 8),
    burnCapSeconds: Number(process.env.BENCH_QUEUE_BURN_CAP_S || 120),
    rate: Number(process.env.BENCH_QUEUE_RATE || 500),
    latencySeconds: Number(process.env.BENCH_QUEUE_LATENCY_S || 20),
    chunk: 1000, // jobs per batch-insert call
};
if (!settings.url) {
    console.error('BENCH_QUEUE_URL is not set (bench/queue/run.sh sets it)');
    process.exit(2);
}

/*! Milliseconds since the epoch, with sub-millisecond precision. */
const nowMs = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/*! Runs `count` jobs through `insertChunk(n)` in chunks, `parallel` calls at once. */
async function insertInChunks(count, parallel, insertChunk) {
    let next = 0;
    const lane = async () => {
        while (next < count) {
            const n = Math.min(settings.chunk, count - next);
            next += n;
            await insertChunk(n);
        }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
}

/*! Sends one job every 1000/rate ms for `seconds` (absolute schedule), awaiting each send. */
async function paced(send) {
    const total = settings.rate * settings.latencySeconds;
    const start = nowMs();
    for (let i = 0; i < total; ++i) {
        const due = start + (i * 1000) / settings.rate;
        const wait = due - nowMs();
        if (wait > 1) await sleep(wait);
        await send(nowMs());
    }
    return total;
}

/*! Waits until `done()` (async) says true or `capMs` passed; polls every 50 ms. */
async function waitUntil(done, capMs) {
    const start = nowMs();
    while (!(await done())) {
        if (nowMs() - start > capMs) return false;
        await sleep(50);
    }
    return true;
}

function percentile(sorted, p) {
    if (!sorted.length) return NaN;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function report(fields, latencies) {
    const sorted = Float64Array.from(latencies).sort();
    const all = {
        ...fields,
        lat_n: sorted.length,
        p50_ms: percentile(sorted, 50).toFixed(1),
        p95_ms: percentile(sorted, 95).toFixed(1),
        p99_ms: percentile(sorted, 99).toFixed(1),
    };
    console.log('RESULT ' + Object.entries(all).map(([k, v]) => `${k}=${v}`).join(' '));
}

module.exports = { settings, nowMs, sleep, insertInChunks, paced, waitUntil, report };
