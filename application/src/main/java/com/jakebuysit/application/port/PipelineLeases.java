package com.jakebuysit.application.port;

import com.jakebuysit.domain.OfferId;
import java.time.Duration;

/**
 * Who is running an offer's pipeline right now, across every instance. A lease that is not
 * renewed runs out, so a dead server's offer is picked up again.
 */
public interface PipelineLeases {

    /** Takes (or renews, for the same holder) the lease; false while another holder's lease runs. */
    boolean acquire(OfferId offer, String holder, Duration length);

    void release(OfferId offer, String holder);
}
