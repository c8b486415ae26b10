package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.OfferTransition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends ready offers nobody accepted by {@code expiresAt}. Run by a recurring job; each offer in its
 * own transaction under its row lock, so a seller accepting at the last moment either wins (the
 * offer is no longer ready when the job gets the lock) or gets 409, never both.
 */
public final class ExpireOffers {

    private static final System.Logger LOG = System.getLogger(ExpireOffers.class.getName());

    private final Transactor transactor;
    private final Offers offers;
    private final AuditLog audit;
    private final OfferEvents events;
    private final Clock clock;

    public ExpireOffers(Transactor transactor, Offers offers, AuditLog audit, OfferEvents events, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many offers it expired (at most {@code limit}; the next run takes the rest) */
    public int expireDue(int limit) {
        List<OfferId> due = offers.readyExpiredBy(clock.instant(), limit);
        int expired = 0;
        for (OfferId id : due) {
            try {
                Optional<Offer> done = transactor.inTransaction(() -> expire(id));
                if (done.isPresent()) {
                    expired++;
                    events.publishCommitted(new OfferEvents.OfferEvent(id.value(), "status", "", done.get().status().code(),
                            Map.of()));
                }
            } catch (ConcurrentUpdate e) {
                LOG.log(System.Logger.Level.INFO, "offer " + id + " changed while expiring; the next run looks again");
            }
        }
        return expired;
    }

    private Optional<Offer> expire(OfferId id) {
        Optional<Offer> locked = offers.lockById(id);
        Instant now = clock.instant();
        // Read again under the lock: it may have been accepted or declined since the list was made.
        if (locked.isEmpty() || locked.get().status() != OfferStatus.READY
                || now.isBefore(locked.get().expiresAt().orElseThrow())) {
            return Optional.empty();
        }
        Offer offer = locked.get();
        Offer saved = offers.update(offer.expire(clock));
        OfferTransition change = OfferTransition.between(offer, saved);
        audit.record(new AuditLog.AuditEntry("offer", id.toString(), "offer.expired", AuditLog.Actor.system(),
                Map.copyOf(change.before()), Map.copyOf(change.after())));
        return Optional.of(saved);
    }
}
