package com.jakebuysit.application.idempotency;

import com.jakebuysit.application.port.IdempotencyKeys;
import java.time.Clock;

/**
 * Forgets the Idempotency-Key records past their lifetime, for a recurring job. Only a cleanup:
 * an expired key is already treated as new when it is presented again, swept or not.
 */
public final class PruneIdempotencyKeys {

    private static final System.Logger LOG = System.getLogger(PruneIdempotencyKeys.class.getName());

    private final IdempotencyKeys keys;
    private final Clock clock;

    public PruneIdempotencyKeys(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Deletes the expired records; returns how many. */
    public int prune() {
        int deleted = keys.deleteExpired(clock.instant());
        if (deleted > 0) {
            LOG.log(System.Logger.Level.INFO, "deleted " + deleted + " expired idempotency keys");
        }
        return deleted;
    }
}
