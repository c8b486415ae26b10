package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferTransition;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seller disputes an offer after accepting it (any post-accept status). The disputed offer is
 * a review item in the reviewers' queue, and the escalation channel is told about it.
 */
public final class DisputeOffer {

    /** Long enough for a paragraph of what went wrong, short enough to read in the queue. */
    public static final int MAX_REASON_LENGTH = 2000;

    private final Transactor transactor;
    private final Offers offers;
    private final AuditLog audit;
    private final OfferEvents events;
    private final EscalationChannel reviewers;
    private final Clock clock;

    public DisputeOffer(Transactor transactor, Offers offers, AuditLog audit, OfferEvents events,
                        EscalationChannel reviewers, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.reviewers = Objects.requireNonNull(reviewers, "reviewers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public record Command(OfferId offer, UserId seller, String reason, AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(actor, "actor");
            if (reason == null || reason.isBlank()) {
                throw new InvalidSubmission("reason", "a dispute needs a reason");
            }
            reason = reason.strip();
            if (reason.length() > MAX_REASON_LENGTH) {
                throw new InvalidSubmission("reason", "the reason must be at most " + MAX_REASON_LENGTH
                        + " characters");
            }
        }
    }

    /**
     * @throws OfferNotFound no such offer
     * @throws OfferAccessDenied not the caller's offer
     * @throws com.jakebuysit.domain.offer.IllegalTransition not accepted yet, or already disputed (409)
     */
    public Offer dispute(Command command) {
        Offer disputed = transactor.inTransaction(() -> {
            Offer offer = offers.lockById(command.offer()).orElseThrow(() -> new OfferNotFound(command.offer()));
            if (!offer.sellerId().map(command.seller()::equals).orElse(false)) {
                throw new OfferAccessDenied();
            }
            Offer saved = offers.update(offer.dispute(command.reason(), clock));
            OfferTransition change = OfferTransition.between(offer, saved);
            audit.record(new AuditLog.AuditEntry("offer", offer.id().toString(), "offer.disputed", command.actor(),
                    Map.copyOf(change.before()), Map.of("status", saved.status().code(),
                            "disputeReason", command.reason())));
            return saved;
        });
        events.publishCommitted(new OfferEvents.OfferEvent(disputed.id().value(), "status", "", disputed.status().code(),
                Map.of()));
        reviewers.escalationOpened(disputed.id(), EscalationChannel.Kind.DISPUTE, List.of(command.reason()));
        return disputed;
    }
}
