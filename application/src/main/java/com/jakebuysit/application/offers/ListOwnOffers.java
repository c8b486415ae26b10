package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import java.util.Optional;

/** A seller's own offers, newest first, by status and category. */
public final class ListOwnOffers {

    private final Offers offers;

    public ListOwnOffers(Offers offers) {
        this.offers = offers;
    }

    public Page<Offer> list(UserId seller, Optional<OfferStatus> status, Optional<Category> category,
                            Optional<String> cursor, Integer limit) {
        return offers.listForSeller(seller, status, category, cursor, Page.limit(limit));
    }
}
