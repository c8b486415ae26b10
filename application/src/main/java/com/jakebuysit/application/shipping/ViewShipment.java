package com.jakebuysit.application.shipping;

import com.jakebuysit.application.offers.Viewer;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.shipping.Shipment;
import java.util.Optional;

/** One shipment, for the seller of its offer or for staff; the same rule as for the offer itself. */
public final class ViewShipment {

    private final Shipments shipments;
    private final Offers offers;

    public ViewShipment(Shipments shipments, Offers offers) {
        this.shipments = shipments;
        this.offers = offers;
    }

    /** @throws ShipmentNotFound when there is no such shipment; ShipmentAccessDenied when the viewer may not see it */
    public Shipment view(ShipmentId id, Viewer viewer) {
        Shipment shipment = shipments.byId(id).orElseThrow(() -> new ShipmentNotFound(id));
        Offer offer = offers.byId(shipment.offerId())
                .orElseThrow(() -> new IllegalStateException("shipment " + id + " has no offer " + shipment.offerId()));
        // The offer's stream token is for following the pipeline; a label is only shown to the account or staff.
        Viewer account = new Viewer(viewer.user(), viewer.staff(), Optional.empty());
        if (!account.maySee(offer, Optional.empty())) {
            throw new ShipmentAccessDenied();
        }
        return shipment;
    }
}
