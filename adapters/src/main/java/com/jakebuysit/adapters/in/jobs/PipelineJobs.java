package com.jakebuysit.adapters.in.jobs;

import com.jakebuysit.application.offers.OfferPipeline;
import com.jakebuysit.application.port.JobScheduler;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.OfferId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offer pipeline on JobRunr: a delayed check per offer that resumes it if the instance that
 * started it died, and a recurring sweep for offers whose check was never scheduled.
 */
public final class PipelineJobs implements JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineJobs.class);

    /** Older than this and still processing, with no one holding it: the work was abandoned. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);
    static final String SWEEP_ID = "sweep-stalled-offers";

    private final JobRequestScheduler scheduler;
    private final Clock clock;

    public PipelineJobs(JobRequestScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void ensurePipelineFinishes(OfferId offer, Duration checkAfter) {
        // One check per offer: the same job id makes a second schedule a no-op.
        UUID jobId = UUID.nameUUIDFromBytes(("resume-pipeline:" + offer).getBytes(StandardCharsets.UTF_8));
        scheduler.schedule(jobId, clock.instant().plus(checkAfter), new ResumePipeline(offer.value()));
    }

    /** Registers the recurring sweep (idempotent: the id is fixed). */
    public void scheduleSweep(Duration every) {
        scheduler.scheduleRecurrently(SWEEP_ID, every, new SweepStalledOffers());
    }

    /** Runs a resume job: whatever steps remain. Fails (and JobRunr retries) if a step throws. */
    public static final class Resume implements JobRequestHandler<ResumePipeline> {
        private final OfferPipeline pipeline;

        public Resume(OfferPipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public void run(ResumePipeline request) {
            pipeline.run(new OfferId(request.getOfferId()))
                    .ifPresent(status -> LOG.debug("offer {} is {}", request.getOfferId(), status.code()));
        }
    }

    /** Runs the sweep: resumes each stalled offer (the lease keeps a live runner's offers out). */
    public static final class Sweep implements JobRequestHandler<SweepStalledOffers> {
        private final Offers offers;
        private final OfferPipeline pipeline;
        private final Clock clock;

        public Sweep(Offers offers, OfferPipeline pipeline, Clock clock) {
            this.offers = offers;
            this.pipeline = pipeline;
            this.clock = clock;
        }

        @Override
        public void run(SweepStalledOffers request) {
            List<OfferId> stalled = offers.stalledInProcessing(clock.instant().minus(STALLED_AFTER), 100);
            for (OfferId id : stalled) {
                try {
                    pipeline.run(id);
                } catch (RuntimeException e) {
                    LOG.warn("resuming stalled offer {} failed; the next sweep tries again", id, e);
                }
            }
        }
    }
}
