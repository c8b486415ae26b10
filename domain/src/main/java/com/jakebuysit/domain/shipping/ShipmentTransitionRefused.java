package com.jakebuysit.domain.shipping;

import com.jakebuysit.domain.DomainException;

/** A move the shipment's status does not allow (the API answers 409 {@code ILLEGAL_TRANSITION}). */
public final class ShipmentTransitionRefused extends DomainException {

    private final ShipmentStatus from;

    public ShipmentTransitionRefused(ShipmentStatus from, String action, String detail) {
        super("ILLEGAL_TRANSITION", "cannot " + action + " a shipment that is " + from.code()
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.from = from;
    }

    public ShipmentStatus from() {
        return from;
    }
}
