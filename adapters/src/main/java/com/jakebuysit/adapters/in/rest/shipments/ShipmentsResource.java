package com.jakebuysit.adapters.in.rest.shipments;

import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.application.offers.Viewer;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.shipping.ViewShipment;
import com.jakebuysit.domain.ShipmentId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/shipments}: the seller's (or staff's) view of a prepaid shipment and its label. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public final class ShipmentsResource {

    private final ViewShipment view;
    private final PhotoStore store;

    public ShipmentsResource(ViewShipment view, PhotoStore store) {
        this.view = view;
        this.store = store;
    }

    @GET
    @Path("/{id}")
    public ShipmentView get(@Auth AuthenticatedUser caller, @PathParam("id") String id) {
        return ShipmentView.of(view.view(shipmentId(id), Viewer.account(caller.id(), caller.isStaff())), store);
    }

    private static ShipmentId shipmentId(String id) {
        try {
            return ShipmentId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "NOT_FOUND", "No such shipment");
        }
    }
}
