package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.local.LocalCarrier;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.bootstrap.config.ProvidersConfig;
import com.jakebuysit.bootstrap.config.ShippingConfig;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.testing.Fixtures;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ShipmentsWiringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_local_carrier_is_the_default_and_an_unbuilt_one_stops_the_start() throws Exception {
        assertThat(ShipmentsWiring.carrier(new ProvidersConfig.Keyed(), Clock.systemUTC()))
                .isInstanceOf(LocalCarrier.class);
        ProvidersConfig.Keyed easypost = JSON.readValue("{\"type\":\"easypost\"}", ProvidersConfig.Keyed.class);
        assertThatThrownBy(() -> ShipmentsWiring.carrier(easypost, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("easypost");
    }

    @Test
    void the_default_warehouse_is_an_address_the_local_carrier_ships_to() {
        Address warehouse = new ShippingConfig().getWarehouse().toAddress();
        OfferId offer = OfferId.random();

        Carrier.Label label = new LocalCarrier(Clock.systemUTC()).purchaseLabel(
                new Carrier.LabelRequest(offer, Fixtures.address(), warehouse, Money.usd("10.00"), offer.toString()));

        assertThat(warehouse.oneLine()).isEqualTo("JakeBuysIt Receiving, 4100 Logistics Way, Reno, NV 89502, US");
        assertThat(label.trackingNumber()).startsWith("JBI");
    }

    @Test
    void a_warehouse_that_is_not_an_address_stops_the_start() throws Exception {
        ShippingConfig config = JSON.readValue(
                "{\"warehouse\":{\"state\":\"Nevada\"}}", ShippingConfig.class);

        assertThatThrownBy(() -> config.getWarehouse().toAddress())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shipping.warehouse");
    }
}
