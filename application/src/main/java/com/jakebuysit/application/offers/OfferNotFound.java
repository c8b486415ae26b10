package com.jakebuysit.application.offers;

import com.jakebuysit.domain.OfferId;

/** No offer with this id (404). */
public final class OfferNotFound extends RuntimeException {

    public OfferNotFound(OfferId id) {
        super("no offer " + id);
    }
}
