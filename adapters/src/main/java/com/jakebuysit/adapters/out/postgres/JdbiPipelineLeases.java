package com.jakebuysit.adapters.out.postgres;

import com.jakebuysit.application.port.PipelineLeases;
import com.jakebuysit.domain.OfferId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * Pipeline leases in one row per offer. Taking a lease is one atomic upsert that only wins when
 * the row is free, expired, or already ours, so two instances never both run an offer.
 */
public final class JdbiPipelineLeases implements PipelineLeases {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPipelineLeases(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public boolean acquire(OfferId offer, String holder, Duration length) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return jdbi.withHandle(handle -> handle.createUpdate("""
                INSERT INTO pipeline_leases (offer_id, holder, leased_until)
                VALUES (:offer, :holder, :until)
                ON CONFLICT (offer_id) DO UPDATE
                   SET holder = EXCLUDED.holder, leased_until = EXCLUDED.leased_until
                 WHERE pipeline_leases.holder = EXCLUDED.holder OR pipeline_leases.leased_until < :now
                """)
                .bind("offer", offer.value())
                .bind("holder", holder)
                .bind("until", now.plus(length))
                .bind("now", now)
                .execute()) == 1;
    }

    @Override
    public void release(OfferId offer, String holder) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM pipeline_leases WHERE offer_id = :offer AND holder = :holder")
                .bind("offer", offer.value())
                .bind("holder", holder)
                .execute());
    }
}
