package com.jakebuysit.application.shipping;

import com.jakebuysit.domain.ShipmentId;

/** No shipment with this id (404). */
public final class ShipmentNotFound extends RuntimeException {

    public ShipmentNotFound(ShipmentId id) {
        super("no shipment " + id);
    }
}
