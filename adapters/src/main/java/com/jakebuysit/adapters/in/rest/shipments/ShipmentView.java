package com.jakebuysit.adapters.in.rest.shipments;

import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.shipping.ShipmentStatus;
import com.jakebuysit.domain.shipping.StatusEvent;
import java.time.Duration;
import java.util.List;

/**
 * A shipment on the wire. {@code labelUrl} is a short-lived link to the label document, handed
 * out only to the seller or staff, and null once the label is voided (it must not be printed). What
 * the label cost us is not shown.
 */
public record ShipmentView(String id, String offerId, String carrier, String service, String trackingNumber,
                           String labelUrl, String status, List<Event> statusHistory,
                           String estimatedDelivery, String shipBy, String createdAt) {

    public static final Duration LABEL_URL_LIFETIME = Duration.ofMinutes(15);

    public record Event(String status, String at, String detail) {

        static Event of(StatusEvent event) {
            return new Event(event.status().code(), event.at().toString(), event.detail().orElse(null));
        }
    }

    public static ShipmentView of(Shipment shipment, PhotoStore store) {
        String labelUrl = shipment.status() == ShipmentStatus.VOIDED ? null
                : store.url(shipment.labelKey(), LABEL_URL_LIFETIME).toString();
        return new ShipmentView(shipment.id().toString(), shipment.offerId().toString(), shipment.carrier(),
                shipment.service(), shipment.trackingNumber(), labelUrl, shipment.status().code(), shipment.statusHistory().stream().map(Event::of).toList(),
                shipment.estimatedDelivery().map(Object::toString).orElse(null), shipment.shipBy().toString(),
                shipment.createdAt().toString());
    }
}
