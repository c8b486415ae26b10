package com.jakebuysit.application.port;

/**
 * The carrier understood the request and said no, and asking again will not change that: a void of
 * a label it does not know, or already voided or scanned.
 */
public final class CarrierRefused extends RuntimeException {

    public CarrierRefused(String message) {
        super(message);
    }
}
