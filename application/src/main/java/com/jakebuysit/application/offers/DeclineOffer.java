package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferTransition;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seller says no to a ready offer. An anonymous seller declines with the offer's stream token;
 * staff cannot decline on a seller's behalf (they see the offer, but the answer is the seller's).
 */
public final class DeclineOffer {

    private final Transactor transactor;
    private final Offers offers;
    private final AuditLog audit;
    private final OfferEvents events;
    private final Clock clock;

    public DeclineOffer(Transactor transactor, Offers offers, AuditLog audit, OfferEvents events, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param seller the caller as a seller: their account and/or the offer's stream token, never staff */
    public record Command(OfferId offer, Viewer seller, Optional<String> reason, AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actor, "actor");
            if (seller.staff()) {
                throw new IllegalArgumentException("declining is the seller's answer; pass the caller as a seller");
            }
        }
    }

    /**
     * @throws OfferNotFound no such offer
     * @throws OfferAccessDenied not the caller's offer
     * @throws com.jakebuysit.domain.offer.IllegalTransition not ready (409)
     */
    public Offer decline(Command command) {
        Offer declined = transactor.inTransaction(() -> {
            Offer offer = offers.lockById(command.offer()).orElseThrow(() -> new OfferNotFound(command.offer()));
            if (!command.seller().maySee(offer, offers.streamTokenHash(offer.id()))) {
                throw new OfferAccessDenied();
            }
            Offer saved = offers.update(offer.decline(command.reason(), clock));
            OfferTransition change = OfferTransition.between(offer, saved);
            audit.record(new AuditLog.AuditEntry("offer", offer.id().toString(), "offer.declined", command.actor(),
                    Map.copyOf(change.before()), Map.copyOf(change.after())));
            return saved;
        });
        events.publishCommitted(new OfferEvents.OfferEvent(declined.id().value(), "status", "", declined.status().code(),
                Map.of()));
        return declined;
    }
}
