package com.jakebuysit.application.offers;

/** The offer exists but belongs to someone else (403). */
public final class OfferAccessDenied extends RuntimeException {

    public OfferAccessDenied() {
        super("this offer belongs to another seller");
    }

    public OfferAccessDenied(String message) {
        super(message);
    }
}
