package com.jakebuysit.application.port;

/** A shipment for the same offer, or with the same tracking number, is already stored. */
public final class DuplicateShipment extends RuntimeException {

    /** Which uniqueness rule said no. */
    public enum Conflict { OFFER, TRACKING_NUMBER }

    private final Conflict conflict;

    public DuplicateShipment(Conflict conflict, String message, Throwable cause) {
        super(message, cause);
        this.conflict = conflict;
    }

    public Conflict conflict() {
        return conflict;
    }
}
