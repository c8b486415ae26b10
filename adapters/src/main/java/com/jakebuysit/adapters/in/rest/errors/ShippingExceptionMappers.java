package com.jakebuysit.adapters.in.rest.errors;

import com.jakebuysit.application.port.AddressRejected;
import com.jakebuysit.application.port.CarrierRefused;
import com.jakebuysit.application.port.CarrierUnavailable;
import com.jakebuysit.application.port.DuplicateShipment;
import com.jakebuysit.application.shipping.ShipmentAccessDenied;
import com.jakebuysit.application.shipping.ShipmentNotFound;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** The carrier's and the shipment reads' refusals in the API's error shape. */
public final class ShippingExceptionMappers {

    private ShippingExceptionMappers() {
    }

    /** The carrier did not answer: 503 with {@code Retry-After} in whole seconds (at least 1). */
    public static final class CarrierUnavailableMapper implements ExceptionMapper<CarrierUnavailable> {
        @Override
        public Response toResponse(CarrierUnavailable e) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            return Response.fromResponse(new ApiError("The carrier is not answering; try again shortly",
                            "CARRIER_UNAVAILABLE", 503, Map.of("retryAfterSeconds", seconds)).toResponse())
                    .header("Retry-After", Long.toString(seconds))
                    .build();
        }
    }

    /** The carrier will not ship from that address: 422 naming the field, as bad input is. */
    public static final class AddressRejectedMapper implements ExceptionMapper<AddressRejected> {
        @Override
        public Response toResponse(AddressRejected e) {
            return new ApiError(e.getMessage(), "ADDRESS_REJECTED", 422,
                    Map.of("field", "address." + e.field())).toResponse();
        }
    }

    /** The carrier said no to something it will always say no to: a gateway error, not the client's fault. */
    public static final class CarrierRefusedMapper implements ExceptionMapper<CarrierRefused> {
        @Override
        public Response toResponse(CarrierRefused e) {
            return ApiError.of(502, "CARRIER_REFUSED", "The carrier refused the request").toResponse();
        }
    }

    public static final class DuplicateShipmentMapper implements ExceptionMapper<DuplicateShipment> {
        @Override
        public Response toResponse(DuplicateShipment e) {
            return ApiError.of(409, "SHIPMENT_EXISTS", "This offer already has a shipment").toResponse();
        }
    }

    public static final class ShipmentNotFoundMapper implements ExceptionMapper<ShipmentNotFound> {
        @Override
        public Response toResponse(ShipmentNotFound e) {
            return ApiError.of(404, "NOT_FOUND", "No such shipment").toResponse();
        }
    }

    public static final class ShipmentAccessDeniedMapper implements ExceptionMapper<ShipmentAccessDenied> {
        @Override
        public Response toResponse(ShipmentAccessDenied e) {
            return ApiError.of(403, "FORBIDDEN", e.getMessage()).toResponse();
        }
    }
}
