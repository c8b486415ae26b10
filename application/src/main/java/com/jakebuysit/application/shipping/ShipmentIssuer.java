package com.jakebuysit.application.shipping;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.application.port.CarrierRefused;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.shipping.Shipment;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Buys the prepaid label of an accepted offer and stores it as the offer's shipment. Not a use case:
 * it runs inside the caller's transaction (AcceptOffer, with the offer row locked; the void job), and
 * writes the shipment's audit entry there.
 *
 * <p>A label is bought from the carrier before anything is stored, and a carrier is not part of our
 * transaction, so a failure after the purchase is compensated here: the label is voided and its
 * document deleted before the failure is rethrown. If the CALLER's transaction fails after
 * {@link #issue} returned, the caller calls {@link #discard} (the same compensation) once it knows.
 */
public final class ShipmentIssuer {

    private static final System.Logger LOG = System.getLogger(ShipmentIssuer.class.getName());

    private final Carrier carrier;
    private final PhotoStore store;
    private final Shipments shipments;
    private final AuditLog audit;
    private final Address warehouse;
    private final Clock clock;

    /** @param warehouse where every label is addressed to */
    public ShipmentIssuer(Carrier carrier, PhotoStore store, Shipments shipments, AuditLog audit, Address warehouse,
                          Clock clock) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.store = Objects.requireNonNull(store, "store");
        this.shipments = Objects.requireNonNull(shipments, "shipments");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As {@link #issue(Offer, Address, Instant, AuditLog.Actor)}, audited as the offer's seller (no IP or request id). */
    public Shipment issue(Offer acceptedOffer, Address from, Instant shipBy) {
        return issue(acceptedOffer, from, shipBy, new AuditLog.Actor(acceptedOffer.sellerId().map(Object::toString),
                "user", Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /**
     * Buys the label from {@code from} to the warehouse, stores its document under
     * {@code labels/<offerId>/<tracking>.<pdf|png>}, inserts the shipment ({@code label_created}) and
     * audits it.
     *
     * @throws IllegalArgumentException when the offer is not accepted
     * @throws com.jakebuysit.application.port.AddressRejected the carrier refused the address (nothing bought)
     * @throws com.jakebuysit.application.port.CarrierUnavailable the carrier did not answer (nothing bought)
     * @throws com.jakebuysit.application.port.DuplicateShipment the offer already has a shipment (label voided)
     */
    public Shipment issue(Offer acceptedOffer, Address from, Instant shipBy, AuditLog.Actor actor) {
        return record(purchase(acceptedOffer, from), from, shipBy, actor);
    }

    /** A label bought from the carrier and not yet stored: {@link #record} it, or {@link #discard(Purchased)} it. */
    public record Purchased(OfferId offer, Carrier.Label label) {
        public Purchased {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * The first half of {@link #issue}: buys the label and stores nothing, so a caller can buy it
     * before taking a lock it does not want to hold across a carrier call.
     *
     * @throws IllegalArgumentException when the offer is not accepted
     * @throws com.jakebuysit.application.port.AddressRejected the carrier refused the address (nothing bought)
     * @throws com.jakebuysit.application.port.CarrierUnavailable the carrier did not answer (nothing bought)
     */
    public Purchased purchase(Offer acceptedOffer, Address from) {
        Objects.requireNonNull(acceptedOffer, "acceptedOffer");
        Objects.requireNonNull(from, "from");
        if (acceptedOffer.status() != OfferStatus.ACCEPTED) {
            throw new IllegalArgumentException("a label is only bought for an accepted offer, this one is "
                    + acceptedOffer.status().code());
        }
        OfferId offerId = acceptedOffer.id();
        Money declared = acceptedOffer.payableAmount().orElse(Money.ZERO);
        return new Purchased(offerId, carrier.purchaseLabel(
                new Carrier.LabelRequest(offerId, from, warehouse, declared, offerId.toString())));
    }

    /**
     * The second half of {@link #issue}: stores the label's document, inserts the shipment
     * ({@code label_created}) and audits it; if any of that fails the label is voided and its
     * document deleted before the failure is rethrown.
     *
     * @throws com.jakebuysit.application.port.DuplicateShipment the offer already has a shipment (label voided)
     */
    public Shipment record(Purchased purchased, Address from, Instant shipBy, AuditLog.Actor actor) {
        Objects.requireNonNull(purchased, "purchased");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(shipBy, "shipBy");
        Objects.requireNonNull(actor, "actor");
        Carrier.Label label = purchased.label();
        OfferId offerId = purchased.offer();
        String key = null;
        try {
            key = labelKey(offerId, label.trackingNumber(), label.contentType());
            store.put(key, label.document(), label.contentType());
            Shipment shipment = Shipment.issued(ShipmentId.random(), offerId,
                    new Shipment.Label(label.carrier(), label.service(), label.trackingNumber(),
                            label.carrierShipmentId(), label.cost(), label.estimatedDelivery()),
                    key, shipBy, from, clock);
            shipments.insert(shipment);
            audit.record(new AuditLog.AuditEntry("shipment", shipment.id().toString(), "shipment.created", actor,
                    Map.of(), snapshot(shipment)));
            return shipment;
        } catch (RuntimeException | Error failure) {
            compensate(label.carrierShipmentId(), key, failure);
            throw failure;
        }
    }

    /**
     * Voids the label of a shipment nobody scanned and records it, in the caller's transaction. The
     * row is written first, so of two callers racing only one reaches the carrier (the other gets
     * ConcurrentUpdate); a carrier failure then rolls the caller's transaction back, to be tried again.
     * The document is kept (the voided shipment no longer hands out its link).
     *
     * @return the voided shipment at its new version
     * @throws com.jakebuysit.domain.shipping.ShipmentTransitionRefused when it was scanned or voided already
     */
    public Shipment voidUnscanned(Shipment shipment, String reason) {
        return voidUnscanned(shipment, reason, AuditLog.Actor.system());
    }

    public Shipment voidUnscanned(Shipment shipment, String reason, AuditLog.Actor actor) {
        Shipment voided = shipments.update(shipment.voided(reason, clock));
        try {
            carrier.voidLabel(shipment.carrierShipmentId());
        } catch (CarrierRefused refused) {
            // Already voided with the carrier (an earlier try whose transaction rolled back): nothing left to take back.
            LOG.log(System.Logger.Level.WARNING, "carrier refused to void label " + shipment.carrierShipmentId()
                    + " of shipment " + shipment.id() + "; recording it as voided: " + refused.getMessage());
        }
        audit.record(new AuditLog.AuditEntry("shipment", shipment.id().toString(), "shipment.voided", actor,
                Map.of("status", shipment.status().code()),
                Map.of("status", voided.status().code(), "reason", reason)));
        return voided;
    }

    /**
     * Undoes an {@link #issue} whose surrounding transaction did not commit: voids the label and
     * deletes its document. Never throws; what it could not undo is logged for an operator.
     */
    public void discard(Shipment issued) {
        compensate(issued.carrierShipmentId(), issued.labelKey(), null);
    }

    /** Takes back a label bought but never recorded (nothing was stored for it). Never throws. */
    public void discard(Purchased purchased) {
        compensate(purchased.label().carrierShipmentId(), null, null);
    }

    /**
     * Runs {@code work} in one transaction with a {@link Labels} to buy labels through: a label
     * bought in a transaction that does not commit is taken back (voided, its document deleted)
     * once the failure is known.
     */
    public <T> T inTransaction(Transactor transactor, Function<Labels, T> work) {
        Labels labels = new Labels();
        try {
            return transactor.inTransaction(() -> work.apply(labels));
        } catch (RuntimeException | Error e) {
            labels.takeBack();
            throw e;
        }
    }

    /** The labels of one open transaction ({@link #inTransaction}): bought, then recorded or given back. */
    public final class Labels {
        private Purchased purchased;
        private Shipment recorded;

        private Labels() {
        }

        /** Buys the label and keeps it pending: {@link #record} or {@link #giveBack} it. */
        public void purchase(Offer acceptedOffer, Address from) {
            if (purchased != null || recorded != null) {
                throw new IllegalStateException("one label per transaction");
            }
            purchased = ShipmentIssuer.this.purchase(acceptedOffer, from);
        }

        /** Stores the pending label as the offer's shipment (taken back by {@code record} itself if that fails). */
        public Shipment record(Address from, Instant shipBy, AuditLog.Actor actor) {
            Purchased pending = Objects.requireNonNull(purchased, "no label was purchased");
            purchased = null;
            recorded = ShipmentIssuer.this.record(pending, from, shipBy, actor);
            return recorded;
        }

        /** {@link #purchase} then {@link #record}. */
        public Shipment issue(Offer acceptedOffer, Address from, Instant shipBy, AuditLog.Actor actor) {
            purchase(acceptedOffer, from);
            return record(from, shipBy, actor);
        }

        /** Takes back a pending label that turned out not to be wanted. */
        public void giveBack() {
            if (purchased != null) {
                discard(purchased);
                purchased = null;
            }
        }

        private void takeBack() {
            giveBack();
            if (recorded != null) {
                discard(recorded);
                recorded = null;
            }
        }
    }

    /** Where a label document lives in the photo store: {@code labels/<offerId>/<tracking>.<pdf|png>}. */
    public static String labelKey(OfferId offerId, String trackingNumber, String contentType) {
        String extension = switch (contentType.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip()) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> throw new IllegalArgumentException("a label must be a PDF or PNG, not " + contentType);
        };
        if (!trackingNumber.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("unexpected characters in tracking number " + trackingNumber);
        }
        return "labels/" + offerId + "/" + trackingNumber + "." + extension;
    }

    /**
     * The document is deleted whether or not its put got through (deleting a missing key is a no-op);
     * {@code key} is null when the failure came before there was one.
     */
    private void compensate(String carrierShipmentId, String key, Throwable failure) {
        try {
            carrier.voidLabel(carrierShipmentId);
        } catch (RuntimeException voidFailure) {
            LOG.log(System.Logger.Level.ERROR, "label " + carrierShipmentId + " was bought but could not be voided;"
                    + " void it with the carrier by hand", voidFailure);
            if (failure != null) {
                failure.addSuppressed(voidFailure);
            }
        }
        if (key == null) {
            return;
        }
        try {
            store.delete(key);
        } catch (RuntimeException deleteFailure) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the label document " + key, deleteFailure);
            if (failure != null) {
                failure.addSuppressed(deleteFailure);
            }
        }
    }

    private static Map<String, Object> snapshot(Shipment shipment) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("offerId", shipment.offerId().toString());
        after.put("carrier", shipment.carrier());
        after.put("service", shipment.service());
        after.put("trackingNumber", shipment.trackingNumber());
        after.put("labelCost", shipment.labelCost().toWire());
        after.put("status", shipment.status().code());
        after.put("shipBy", shipment.shipBy().toString());
        return after;
    }
}
