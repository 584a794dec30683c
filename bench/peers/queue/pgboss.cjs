// SPDX-License-Identifier: GPL-3.0-or-later
// pg-boss 10.4.2 through the queue bench's phases (see common.cjs):
//   1. enqueue BENCH_QUEUE_JOBS no-op jobs with boss.insert() (its batch API),
//      chunks of 1,000, in-flight-many calls at once;
//   2. burn them down with one work() of batchSize = BENCH_QUEUE_PGBOSS_BATCH
//      (default: the in-flight jobs of the other systems);
//   3. enqueue → handler start latency at a steady rate, boss.send() per job.
// pg-boss 10 has no LISTEN/NOTIFY: a worker fetches, runs the batch, and
// waits out the rest of its polling interval (at least 0.5 s) before the
// next fetch, whether or not it found jobs. So a batch of 8 runs at most
// 16 jobs/s; run.sh also runs it with a batch of 500 (more jobs in flight).
// When the burn-down rate is below the latency phase's rate, that phase is
// skipped (the backlog would only grow): lat_n=0.
'use strict';
const PgBoss = require('pg-boss');
const { settings, nowMs, insertInChunks, paced, waitUntil, report } = require('./common.cjs');

async function main() {
    const boss = new PgBoss({
        connectionString: settings.url,
        max: settings.connections,
        supervise: false,
        schedule: false,
        migrate: true,
    });
    boss.on('error', (e) => console.error('pg-boss error:', e.message));
    await boss.start();
    const count = async (queue) => {
        const { rows } = await boss.getDb().executeSql(
            "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state <> 'completed'", [queue]);
        return rows[0].n;
    };

    // 1. enqueue
    await boss.createQueue('burn');
    let t0 = nowMs();
    await insertInChunks(settings.jobs, settings.inFlight, (n) =>
        boss.insert(Array.from({ length: n }, () => ({ name: 'burn', data: {} }))));
    const enqueueS = (nowMs() - t0) / 1000;
    console.error(`[pg-boss] enqueued ${settings.jobs} in ${enqueueS.toFixed(2)} s`);

    // 2. burn-down
    const batchSize = Number(process.env.BENCH_QUEUE_PGBOSS_BATCH || settings.inFlight);
    let ran = 0;
    t0 = nowMs();
    await boss.work('burn', { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        ran += jobs.length;
    });
    const finished = await waitUntil(async () => ran >= settings.jobs && (await count('burn')) === 0,
        settings.burnCapSeconds * 1000);
    const burnS = (nowMs() - t0) / 1000;
    const burned = finished ? settings.jobs : settings.jobs - (await count('burn'));
    await boss.offWork('burn');
    console.error(`[pg-boss] burned ${burned} in ${burnS.toFixed(2)} s${finished ? '' : ' (capped)'}`);

    // 3. latency at a steady rate
    const latencies = [];
    if (burned / burnS > settings.rate * 1.2) {
        await boss.createQueue('lat');
        await boss.work('lat', { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
            const now = nowMs();
            for (const job of jobs) latencies.push(now - job.data.t);
        });
        const sent = await paced((t) => boss.send('lat', { t }));
        await waitUntil(async () => latencies.length >= sent, 60000);
    }
    await boss.stop({ graceful: true, wait: true, timeout: 5000 });

    report({
        system: 'pg-boss-10.4.2', batch: batchSize, jobs: settings.jobs, enqueue_s: enqueueS.toFixed(2),
        enqueue_rate: Math.round(settings.jobs / enqueueS), burn_jobs: burned, burn_s: burnS.toFixed(2),
        burn_rate: Math.round(burned / burnS), burn_capped: finished ? 0 : 1,
    }, latencies);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
