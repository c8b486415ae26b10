package com.jakebuysit.adapters.in.rest.offers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.jakebuysit.application.offers.FollowOffer;
import com.jakebuysit.application.port.PhotoStore;

/**
 * One message of an offer's live stream ({@code GET /api/v1/offers/{id}/stream}), the same on
 * every transport: {@code {"type":"step","step":"identify","status":"processing","offer":{...}}};
 * status messages carry no {@code step}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferEventView(String type, String step, String status, OfferView offer) {

    public static OfferEventView of(FollowOffer.Update update, PhotoStore store) {
        return new OfferEventView(update.type(), update.step().isEmpty() ? null : update.step(), update.status(),
                OfferView.of(update.offer(), store));
    }
}
