package com.jakebuysit.adapters.in.jobs;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** The durable job: finish an offer's pipeline if it has not finished (stored by JobRunr as JSON). */
public final class ResumePipeline implements JobRequest {

    private UUID offerId;

    /** For JobRunr's JSON mapping. */
    public ResumePipeline() {
    }

    public ResumePipeline(UUID offerId) {
        this.offerId = offerId;
    }

    public UUID getOfferId() {
        return offerId;
    }

    @Override
    public Class<? extends JobRequestHandler<ResumePipeline>> getJobRequestHandler() {
        return PipelineJobs.Resume.class;
    }
}
