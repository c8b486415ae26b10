package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.offer.Offer;
import java.util.List;
import java.util.Optional;

/** One offer with what the seller sees beside it: photos, comparables, the price breakdown. */
public final class ViewOffer {

    private final Offers offers;
    private final OfferPhotos photos;

    public ViewOffer(Offers offers, OfferPhotos photos) {
        this.offers = offers;
        this.photos = photos;
    }

    public record Details(Offer offer, List<OfferPhotos.Photo> photos, Optional<Offers.MarketFindings> market,
                          Optional<Offers.StoredPricing> pricing) {
    }

    /** @throws OfferNotFound when there is no such offer; OfferAccessDenied when the viewer may not see it */
    public Details view(OfferId id, Viewer viewer) {
        return details(authorize(id, viewer));
    }

    /** What is shown beside an offer the caller has already been allowed to see. */
    public Details details(Offer offer) {
        return new Details(offer, photos.of(offer.id()), offers.marketFindings(offer.id()), offers.pricing(offer.id()));
    }

    /** The offer, after checking the viewer may see it (for streams that only need the check). */
    public Offer authorize(OfferId id, Viewer viewer) {
        Offer offer = offers.byId(id).orElseThrow(() -> new OfferNotFound(id));
        if (!viewer.maySee(offer, offers.streamTokenHash(id))) {
            throw new OfferAccessDenied();
        }
        return offer;
    }
}
