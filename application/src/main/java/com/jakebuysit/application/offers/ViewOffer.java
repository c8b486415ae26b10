package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.shipping.Shipment;
import java.util.List;
import java.util.Optional;

/** One offer with what the seller sees beside it: photos, comparables, the price breakdown. */
public final class ViewOffer {

    private final Offers offers;
    private final OfferPhotos photos;
    private final Shipments shipments;

    public ViewOffer(Offers offers, OfferPhotos photos, Shipments shipments) {
        this.offers = offers;
        this.photos = photos;
        this.shipments = shipments;
    }

    /** {@code shipment}: the offer's shipment once accepted, so its label and tracking can be found again. */
    public record Details(Offer offer, List<OfferPhotos.Photo> photos, Optional<Offers.MarketFindings> market,
                          Optional<Offers.StoredPricing> pricing, Optional<ShipmentId> shipment) {
    }

    /** @throws OfferNotFound when there is no such offer; OfferAccessDenied when the viewer may not see it */
    public Details view(OfferId id, Viewer viewer) {
        return details(authorize(id, viewer));
    }

    /** What is shown beside an offer the caller has already been allowed to see. */
    public Details details(Offer offer) {
        // Only an accepted offer can have one: no lookup for the offers still being priced or answered.
        Optional<ShipmentId> shipment = offer.acceptance().isEmpty() ? Optional.empty()
                : shipments.byOfferId(offer.id()).map(Shipment::id);
        return new Details(offer, photos.of(offer.id()), offers.marketFindings(offer.id()), offers.pricing(offer.id()),
                shipment);
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
