package com.jakebuysit.application.offers;

import com.jakebuysit.domain.offer.Offer;

/**
 * The cache entry of an offer's view, per stored version of the offer. A reader that rendered an
 * older version can only ever fill that version's entry, never hide a newer one; writers also
 * evict the entry of the version they replaced (or completed with a side result).
 */
public final class OfferCacheKeys {

    private OfferCacheKeys() {
    }

    public static String of(Offer offer) {
        return "offer:" + offer.id() + ":v" + offer.version();
    }
}
