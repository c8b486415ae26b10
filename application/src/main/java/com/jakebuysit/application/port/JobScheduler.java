package com.jakebuysit.application.port;

import com.jakebuysit.domain.OfferId;
import java.time.Duration;

/** Durable background work: survives restarts, retried on failure, spread over all instances. */
public interface JobScheduler {

    /** Makes sure the offer's pipeline finishes even if the instance running it now dies. */
    void ensurePipelineFinishes(OfferId offer, Duration checkAfter);
}
