package com.jakebuysit.application.testing;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.DuplicateShipment;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.shipping.ShipmentStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shipments in a map, one per offer and per tracking number, with the adapter's version check. */
public final class MemoryShipments implements Shipments {

    private final Map<ShipmentId, Shipment> rows = new LinkedHashMap<>();

    @Override
    public void insert(Shipment shipment) {
        if (byOfferId(shipment.offerId()).isPresent()) {
            throw new DuplicateShipment(DuplicateShipment.Conflict.OFFER,
                    "offer " + shipment.offerId() + " already has a shipment", null);
        }
        if (byTrackingNumber(shipment.trackingNumber()).isPresent()) {
            throw new DuplicateShipment(DuplicateShipment.Conflict.TRACKING_NUMBER,
                    "tracking number " + shipment.trackingNumber() + " is taken", null);
        }
        rows.put(shipment.id(), shipment);
    }

    @Override
    public Optional<Shipment> byId(ShipmentId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Shipment> byOfferId(OfferId offerId) {
        return rows.values().stream().filter(s -> s.offerId().equals(offerId)).findFirst();
    }

    @Override
    public Optional<Shipment> byTrackingNumber(String trackingNumber) {
        return rows.values().stream().filter(s -> s.trackingNumber().equals(trackingNumber)).findFirst();
    }

    @Override
    public Shipment update(Shipment shipment) {
        Shipment stored = rows.get(shipment.id());
        if (stored == null || stored.version() != shipment.version()) {
            throw new ConcurrentUpdate("shipment", shipment.id().toString());
        }
        Shipment next = shipment.withVersion(shipment.version() + 1);
        rows.put(next.id(), next);
        return next;
    }

    @Override
    public List<Shipment> unscannedBefore(Instant shipBy, int limit) {
        return rows.values().stream()
                .filter(s -> s.status() == ShipmentStatus.LABEL_CREATED && s.shipBy().isBefore(shipBy))
                .sorted(Comparator.comparing(Shipment::shipBy))
                .limit(limit).toList();
    }
}
