package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.jakebuysit.domain.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Shipping: where every prepaid label is addressed (our receiving warehouse). */
public class ShippingConfig {

    @Valid
    @NotNull
    @JsonProperty
    private Warehouse warehouse = new Warehouse();

    public Warehouse getWarehouse() {
        return warehouse;
    }

    /** The to-address of every label; checked as an {@link Address} at start, so a typo fails the boot. */
    public static class Warehouse {
        @NotBlank
        @JsonProperty
        private String name = "JakeBuysIt Receiving";
        @NotBlank
        @JsonProperty
        private String street1 = "4100 Logistics Way";
        @JsonProperty
        private String street2 = "";
        @NotBlank
        @JsonProperty
        private String city = "Reno";
        @NotBlank
        @JsonProperty
        private String state = "NV";
        @NotBlank
        @JsonProperty
        private String zip = "89502";
        @NotBlank
        @JsonProperty
        private String country = "US";

        public Address toAddress() {
            try {
                return new Address(name, street1, Optional.ofNullable(street2), city, state, zip, country);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("shipping.warehouse is not a valid address: " + e.getMessage(), e);
            }
        }
    }
}
