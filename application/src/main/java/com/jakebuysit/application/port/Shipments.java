package com.jakebuysit.application.port;

import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.shipping.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shipments, one per accepted offer at most; joins the caller's transaction. */
public interface Shipments {

    /** @throws DuplicateShipment when the offer already has a shipment or the tracking number is taken */
    void insert(Shipment shipment);

    Optional<Shipment> byId(ShipmentId id);

    Optional<Shipment> byOfferId(OfferId offerId);

    Optional<Shipment> byTrackingNumber(String trackingNumber);

    /**
     * Stores the shipment's status and history and bumps its version.
     *
     * @return the shipment at its new version
     * @throws ConcurrentUpdate when the stored version is not {@code shipment.version()}
     */
    Shipment update(Shipment shipment);

    /** Labels nobody scanned: status {@code label_created} and {@code ship_by} before {@code shipBy}, earliest first. */
    List<Shipment> unscannedBefore(Instant shipBy, int limit);
}
