package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.rest.errors.ShippingExceptionMappers;
import com.jakebuysit.adapters.in.rest.shipments.ShipmentsResource;
import com.jakebuysit.adapters.out.local.LocalCarrier;
import com.jakebuysit.adapters.out.postgres.JdbiShipments;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.application.shipping.ViewShipment;
import com.jakebuysit.bootstrap.config.ProvidersConfig;
import com.jakebuysit.domain.Address;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipping: the carrier chosen in {@code providers.carrier.type}, the shipments, the issuer that
 * buys a label for an accepted offer (addressed to {@code shipping.warehouse}), and the shipment
 * read route. Build {@link Shipping} once per application: the local carrier only voids labels the
 * same instance issued.
 */
final class ShipmentsWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentsWiring.class);

    /** What other wirings use: AcceptOffer and the void job take the issuer and the shipments. */
    record Shipping(Carrier carrier, Shipments shipments, ShipmentIssuer issuer) {
    }

    private ShipmentsWiring() {
    }

    /** @param store the application's one photo store, where label documents are kept beside photos */
    static Shipping build(Core core, PhotoStore store) {
        Carrier carrier = carrier(core.config().getProviders().getCarrier(), core.clock());
        Shipments shipments = new JdbiShipments(core.jdbi());
        Address warehouse = core.config().getShipping().getWarehouse().toAddress();
        LOG.info("labels: carrier {}, addressed to {}", core.config().getProviders().getCarrier().getType(),
                warehouse.oneLine());
        return new Shipping(carrier, shipments,
                new ShipmentIssuer(carrier, store, shipments, core.auditLog(), warehouse, core.clock()));
    }

    /** {@code GET /api/v1/shipments/{id}} and the mappers of the carrier's and the shipment reads' refusals. */
    static void register(Shipping shipping, Offers offers, PhotoStore store, Environment environment) {
        environment.jersey().register(new ShipmentsResource(new ViewShipment(shipping.shipments(), offers), store));
        environment.jersey().register(new ShippingExceptionMappers.CarrierUnavailableMapper());
        environment.jersey().register(new ShippingExceptionMappers.AddressRejectedMapper());
        environment.jersey().register(new ShippingExceptionMappers.CarrierRefusedMapper());
        environment.jersey().register(new ShippingExceptionMappers.DuplicateShipmentMapper());
        environment.jersey().register(new ShippingExceptionMappers.ShipmentNotFoundMapper());
        environment.jersey().register(new ShippingExceptionMappers.ShipmentAccessDeniedMapper());
    }

    static Carrier carrier(ProvidersConfig.Keyed config, Clock clock) {
        String type = config.getType() == null ? "" : config.getType().strip();
        if (type.equals("local")) {
            return new LocalCarrier(clock);
        }
        // The EasyPost adapter is a later issue; refusing to start beats silently shipping with the local one.
        throw new IllegalStateException("providers.carrier.type (CARRIER) '" + type + "' is not available;"
                + " the carriers built so far: local");
    }
}
