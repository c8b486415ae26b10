package com.jakebuysit.adapters.in.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** The recurring job that finds offers a dead server left in processing. */
public final class SweepStalledOffers implements JobRequest {

    @Override
    public Class<? extends JobRequestHandler<SweepStalledOffers>> getJobRequestHandler() {
        return PipelineJobs.Sweep.class;
    }
}
