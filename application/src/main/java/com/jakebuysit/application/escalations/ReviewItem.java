package com.jakebuysit.application.escalations;

import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.EscalationAction;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of the reviewers' queue: the offer, what kind of review it needs and since when, and
 * what a reviewer looks at to decide (the seller, the photos, what the market step found and what
 * pricing proposed).
 *
 * @param queuedAt when it entered the queue: the dispute's opening, otherwise the escalation's
 * @param reasons why it is here: the escalation's reasons, or the seller's dispute reason
 * @param seller the seller's account; empty for an anonymous offer
 * @param actions what a reviewer may do with it now; empty for disputes (read-only until disputes
 *     get their own resolution)
 */
public record ReviewItem(Offer offer, EscalationChannel.Kind kind, Instant queuedAt, List<String> reasons,
                         Optional<User> seller, List<OfferPhotos.Photo> photos,
                         Optional<Offers.MarketFindings> market, Optional<Offers.StoredPricing> pricing,
                         List<EscalationAction> actions) {

    public ReviewItem {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queuedAt, "queuedAt");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(seller, "seller");
        photos = List.copyOf(photos);
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(pricing, "pricing");
        actions = List.copyOf(actions);
    }

    /** The kind of review an offer waits for, or empty when it is not in the queue. */
    public static Optional<EscalationChannel.Kind> kindOf(Offer offer) {
        if (offer.status() == OfferStatus.DISPUTED && offer.dispute().map(d -> d.isOpen()).orElse(false)) {
            return Optional.of(EscalationChannel.Kind.DISPUTE);
        }
        if (offer.isHeldForReview()) {
            return Optional.of(EscalationChannel.Kind.HELD_ACCEPTANCE);
        }
        if (offer.status() == OfferStatus.ESCALATED) {
            return Optional.of(EscalationChannel.Kind.ESCALATION);
        }
        return Optional.empty();
    }

    /** What a reviewer may do with an item of this kind: the domain refuses anything else. */
    static List<EscalationAction> actionsFor(Offer offer, EscalationChannel.Kind kind) {
        return switch (kind) {
            case ESCALATION -> offer.quote().isPresent()
                    ? List.of(EscalationAction.APPROVE, EscalationAction.CUSTOM_PRICE, EscalationAction.REJECT)
                    // Nothing proposed to approve: the reviewer sets the price or rejects.
                    : List.of(EscalationAction.CUSTOM_PRICE, EscalationAction.REJECT);
            case HELD_ACCEPTANCE -> List.of(EscalationAction.APPROVE, EscalationAction.REJECT);
            case DISPUTE -> List.of();
        };
    }
}
