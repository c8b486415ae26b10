package com.jakebuysit.application.shipping;

/** The shipment exists but is for another seller's offer (403, as for offers). */
public final class ShipmentAccessDenied extends RuntimeException {

    public ShipmentAccessDenied() {
        super("this shipment belongs to another seller");
    }
}
