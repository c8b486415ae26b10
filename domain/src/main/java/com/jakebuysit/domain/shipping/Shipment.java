package com.jakebuysit.domain.shipping;

import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The prepaid inbound shipment of one accepted offer: the label the carrier sold us (its document
 * lives in the photo store under {@code labelKey}), where the parcel comes from, and the carrier's
 * events oldest first. Commands return the next shipment; time comes in through a {@link Clock}.
 *
 * <p>Times are kept to the microsecond, as PostgreSQL stores them, so a shipment reads back equal.
 * {@code version} is the row version it was loaded at; the repository updates
 * {@code WHERE version = ?} and hands back {@link #withVersion}.
 */
public record Shipment(
        ShipmentId id,
        OfferId offerId,
        String carrier,
        String service,
        String trackingNumber,
        String carrierShipmentId,
        String labelKey,
        Money labelCost,
        ShipmentStatus status,
        List<StatusEvent> statusHistory,
        Optional<LocalDate> estimatedDelivery,
        Instant shipBy,
        Address from,
        Instant createdAt,
        long version) {

    public Shipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(offerId, "offerId");
        carrier = Text.required(carrier, "carrier", 50);
        service = Text.required(service, "service", 100);
        trackingNumber = Text.required(trackingNumber, "trackingNumber", 64);
        carrierShipmentId = Text.required(carrierShipmentId, "carrierShipmentId", 200);
        labelKey = Text.required(labelKey, "labelKey", 512);
        Objects.requireNonNull(labelCost, "labelCost").requireNonNegative("labelCost");
        Objects.requireNonNull(status, "status");
        statusHistory = List.copyOf(Objects.requireNonNull(statusHistory, "statusHistory"));
        Objects.requireNonNull(estimatedDelivery, "estimatedDelivery");
        shipBy = Objects.requireNonNull(shipBy, "shipBy").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(from, "from");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        if (version < 0) {
            throw new IllegalArgumentException("version cannot be negative");
        }
        if (statusHistory.isEmpty() || statusHistory.get(statusHistory.size() - 1).status() != status) {
            throw new IllegalArgumentException("the last status event must be the shipment's status " + status.code());
        }
    }

    /** What the carrier sold for one label, as a shipment needs it. */
    public record Label(String carrier, String service, String trackingNumber, String carrierShipmentId,
                        Money cost, Optional<LocalDate> estimatedDelivery) {
        public Label {
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(estimatedDelivery, "estimatedDelivery");
        }
    }

    /** A new shipment whose label was just bought: {@code label_created}, version 0. */
    public static Shipment issued(ShipmentId id, OfferId offerId, Label label, String labelKey, Instant shipBy,
                                  Address from, Clock clock) {
        Instant now = clock.instant();
        return new Shipment(id, offerId, label.carrier(), label.service(), label.trackingNumber(),
                label.carrierShipmentId(), labelKey, label.cost(), ShipmentStatus.LABEL_CREATED,
                List.of(new StatusEvent(ShipmentStatus.LABEL_CREATED, now, "label purchased")),
                label.estimatedDelivery(), shipBy, from, now, 0);
    }

    /**
     * The label is withdrawn before the carrier ever scanned it (not shipped by {@code shipBy}, or
     * the sale fell through).
     *
     * @throws ShipmentTransitionRefused unless the shipment is {@code label_created}
     */
    public Shipment voided(String reason, Clock clock) {
        String why = Text.required(reason, "reason", 500);
        if (status != ShipmentStatus.LABEL_CREATED) {
            throw new ShipmentTransitionRefused(status, "void", status.isScanned()
                    ? "the carrier has already scanned it" : "");
        }
        return moved(new StatusEvent(ShipmentStatus.VOIDED, clock.instant(), why));
    }

    /**
     * A carrier event. The same status again (another in-transit scan) is recorded too.
     *
     * @throws ShipmentTransitionRefused from a final status, or for {@code label_created}/{@code voided}
     *     (only the carrier's own scans move a shipment here)
     */
    public Shipment tracked(ShipmentStatus next, Instant at, Optional<String> detail) {
        Objects.requireNonNull(next, "next");
        if (status.isFinal() || !next.isScanned()) {
            throw new ShipmentTransitionRefused(status, "record " + next.code() + " on", "");
        }
        return moved(new StatusEvent(next, at, detail));
    }

    /** The carrier has scanned the parcel at least once: the price lock of the offer has ended. */
    public boolean isScanned() {
        return statusHistory.stream().anyMatch(e -> e.status().isScanned());
    }

    /** The same shipment at another row version (for the repository after a successful update). */
    public Shipment withVersion(long newVersion) {
        return new Shipment(id, offerId, carrier, service, trackingNumber, carrierShipmentId, labelKey, labelCost,
                status, statusHistory, estimatedDelivery, shipBy, from, createdAt, newVersion);
    }

    private Shipment moved(StatusEvent event) {
        List<StatusEvent> history = new ArrayList<>(statusHistory);
        history.add(event);
        return new Shipment(id, offerId, carrier, service, trackingNumber, carrierShipmentId, labelKey, labelCost,
                event.status(), history, estimatedDelivery, shipBy, from, createdAt, version);
    }
}
