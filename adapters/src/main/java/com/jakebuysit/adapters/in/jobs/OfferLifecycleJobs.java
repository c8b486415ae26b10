package com.jakebuysit.adapters.in.jobs;

import com.jakebuysit.application.idempotency.PruneIdempotencyKeys;
import com.jakebuysit.application.offers.ExpireOffers;
import com.jakebuysit.application.offers.LapseUnshippedOffers;
import java.time.Duration;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring jobs that move offers on when nobody acts: ready offers past {@code expiresAt}
 * expire, labels nobody scanned within the ship-by window are voided (their offers lapse), and
 * Idempotency-Key records past their lifetime are pruned. Recurring ids are fixed, so every
 * instance registering them at start leaves one schedule; JobRunr runs each occurrence once.
 */
public final class OfferLifecycleJobs {

    private static final Logger LOG = LoggerFactory.getLogger(OfferLifecycleJobs.class);

    static final String EXPIRE_ID = "expire-ready-offers";
    static final String LAPSE_ID = "void-unscanned-labels";
    static final String PRUNE_ID = "prune-idempotency-keys";
    /** Per run; a backlog drains over the next runs instead of one long transaction-heavy job. */
    static final int BATCH = 500;

    private final JobRequestScheduler scheduler;

    public OfferLifecycleJobs(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void schedule(Duration expireEvery, Duration lapseEvery, Duration pruneEvery) {
        scheduler.scheduleRecurrently(EXPIRE_ID, expireEvery, new ExpireRequest());
        scheduler.scheduleRecurrently(LAPSE_ID, lapseEvery, new LapseRequest());
        scheduler.scheduleRecurrently(PRUNE_ID, pruneEvery, new PruneRequest());
    }

    public static final class ExpireRequest implements JobRequest {
        @Override
        public Class<? extends JobRequestHandler<ExpireRequest>> getJobRequestHandler() {
            return Expire.class;
        }
    }

    public static final class LapseRequest implements JobRequest {
        @Override
        public Class<? extends JobRequestHandler<LapseRequest>> getJobRequestHandler() {
            return Lapse.class;
        }
    }

    public static final class PruneRequest implements JobRequest {
        @Override
        public Class<? extends JobRequestHandler<PruneRequest>> getJobRequestHandler() {
            return Prune.class;
        }
    }

    public static final class Expire implements JobRequestHandler<ExpireRequest> {
        private final ExpireOffers expire;

        public Expire(ExpireOffers expire) {
            this.expire = expire;
        }

        @Override
        public void run(ExpireRequest request) {
            int expired = expire.expireDue(BATCH);
            if (expired > 0) {
                LOG.info("expired {} ready offers past their expiry", expired);
            }
        }
    }

    public static final class Lapse implements JobRequestHandler<LapseRequest> {
        private final LapseUnshippedOffers lapse;

        public Lapse(LapseUnshippedOffers lapse) {
            this.lapse = lapse;
        }

        @Override
        public void run(LapseRequest request) {
            int voided = lapse.lapseDue(BATCH);
            if (voided > 0) {
                LOG.info("voided {} labels with no carrier scan within the ship-by window", voided);
            }
        }
    }

    public static final class Prune implements JobRequestHandler<PruneRequest> {
        private final PruneIdempotencyKeys prune;

        public Prune(PruneIdempotencyKeys prune) {
            this.prune = prune;
        }

        @Override
        public void run(PruneRequest request) {
            prune.prune();
        }
    }
}
