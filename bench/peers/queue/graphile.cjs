// SPDX-License-Identifier: GPL-3.0-or-later
// graphile-worker 0.17.3 through the queue bench's phases (see common.cjs):
//   1. enqueue BENCH_QUEUE_JOBS no-op jobs with workerUtils.addJobs() (its
//      batch API), chunks of 1,000, in-flight-many calls at once;
//   2. burn them down with run({ concurrency: in-flight jobs });
//   3. enqueue → task start latency at a steady rate, addJob() per job.
// graphile-worker wakes its workers with LISTEN/NOTIFY, like Slidespec's.
'use strict';
const { run, makeWorkerUtils, Logger } = require('graphile-worker');
const { settings, nowMs, insertInChunks, paced, waitUntil, report } = require('./common.cjs');

// Only errors: its default logger writes a line per job, which would be measured too.
const logger = new Logger(() => (level, message) => { if (level === 'error') console.error(message); });

async function main() {
    const utils = await makeWorkerUtils({ connectionString: settings.url, logger });
    await utils.migrate();
    const pending = async () => utils.withPgClient(async (c) =>
        (await c.query('SELECT count(*)::int AS n FROM graphile_worker.jobs')).rows[0].n);

    // 1. enqueue
    let t0 = nowMs();
    await insertInChunks(settings.jobs, settings.inFlight, (n) =>
        utils.addJobs(Array.from({ length: n }, () => ({ identifier: 'burn', payload: {} }))));
    const enqueueS = (nowMs() - t0) / 1000;
    console.error(`[graphile-worker] enqueued ${settings.jobs} in ${enqueueS.toFixed(2)} s`);

    // 2. burn-down (completed jobs are deleted: done when the table is empty)
    let ran = 0;
    const latencies = [];
    t0 = nowMs();
    const runner = await run({
        connectionString: settings.url,
        concurrency: settings.inFlight,
        maxPoolSize: settings.connections,
        noHandleSignals: true,
        pollInterval: 2000,
        logger,
        taskList: {
            burn: async () => { ran += 1; },
            lat: async (payload) => { latencies.push(nowMs() - payload.t); },
        },
    });
    const finished = await waitUntil(async () => ran >= settings.jobs && (await pending()) === 0,
        settings.burnCapSeconds * 1000);
    const burnS = (nowMs() - t0) / 1000;
    const burned = finished ? settings.jobs : settings.jobs - (await pending());
    console.error(`[graphile-worker] burned ${burned} in ${burnS.toFixed(2)} s${finished ? '' : ' (capped)'}`);

    // A capped burn-down leaves a backlog: drain it (not measured) so the
    // latency phase starts with idle workers.
    await waitUntil(async () => (await pending()) === 0, 600000);

    // 3. latency at a steady rate
    const sent = await paced((t) => utils.addJob('lat', { t }));
    await waitUntil(async () => latencies.length >= sent, 60000);
    await runner.stop();
    await utils.release();

    report({
        system: 'graphile-worker-0.17.3', jobs: settings.jobs, enqueue_s: enqueueS.toFixed(2),
        enqueue_rate: Math.round(settings.jobs / enqueueS), burn_jobs: burned, burn_s: burnS.toFixed(2),
        burn_rate: Math.round(burned / burnS), burn_capped: finished ? 0 : 1,
    }, latencies);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
