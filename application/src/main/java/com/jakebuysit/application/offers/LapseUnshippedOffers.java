package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.CarrierUnavailable;
import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.domain.offer.IllegalTransition;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.OfferTransition;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.shipping.ShipmentStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Voids the labels nobody scanned within the ship-by window and ends their offers: the price lock
 * lapsed (accepted → cancelled). Run by a recurring job; each shipment in its own transaction with
 * the offer row locked, so a first scan arriving at the same moment either lands first (nothing is
 * voided) or finds the offer cancelled.
 */
public final class LapseUnshippedOffers {

    private static final System.Logger LOG = System.getLogger(LapseUnshippedOffers.class.getName());

    private final Transactor transactor;
    private final Offers offers;
    private final Shipments shipments;
    private final ShipmentIssuer issuer;
    private final RulesConfig rules;
    private final AuditLog audit;
    private final OfferEvents events;
    private final Clock clock;

    public LapseUnshippedOffers(Transactor transactor, Offers offers, Shipments shipments, ShipmentIssuer issuer,
                                RulesConfig rules, AuditLog audit, OfferEvents events, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.shipments = Objects.requireNonNull(shipments, "shipments");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many labels it voided (at most {@code limit}; the next run takes the rest) */
    public int lapseDue(int limit) {
        List<Shipment> due = shipments.unscannedBefore(clock.instant(), limit);
        int voided = 0;
        for (Shipment shipment : due) {
            try {
                Optional<Offer> ended = transactor.inTransaction(() -> lapse(shipment));
                if (ended.isPresent()) {
                    voided++;
                    events.publishCommitted(new OfferEvents.OfferEvent(ended.get().id().value(), "status", "",
                            ended.get().status().code(), Map.of()));
                }
            } catch (ConcurrentUpdate | IllegalTransition | CarrierUnavailable e) {
                LOG.log(System.Logger.Level.WARNING, "could not void the unscanned label of shipment " + shipment.id()
                        + " now; the next run tries again: " + e.getMessage());
            }
        }
        return voided;
    }

    private Optional<Offer> lapse(Shipment listed) {
        Offer offer = offers.lockById(listed.offerId()).orElseThrow(() -> new OfferNotFound(listed.offerId()));
        Shipment shipment = shipments.byId(listed.id()).orElseThrow();
        if (shipment.status() != ShipmentStatus.LABEL_CREATED || !clock.instant().isAfter(shipment.shipBy())) {
            return Optional.empty();
        }
        String reason = "no carrier scan by " + shipment.shipBy();
        issuer.voidUnscanned(shipment, reason);
        if (offer.status() != OfferStatus.ACCEPTED) {
            // Cancelled or otherwise ended without a scan: the label only had to be taken back.
            return Optional.of(offer);
        }
        Offer saved = offers.update(offer.lapseUnshipped(rules.current().pricingRules(), clock));
        OfferTransition change = OfferTransition.between(offer, saved);
        audit.record(new AuditLog.AuditEntry("offer", offer.id().toString(), "offer.lapsed_unshipped",
                AuditLog.Actor.system(), Map.copyOf(change.before()), Map.of("status", saved.status().code(),
                        "reason", reason)));
        return Optional.of(saved);
    }
}
