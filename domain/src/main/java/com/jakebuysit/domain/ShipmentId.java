package com.jakebuysit.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a shipment; a UUID, strict about its textual form. */
public record ShipmentId(UUID value) {

    public ShipmentId {
        Objects.requireNonNull(value, "shipment id");
    }

    /** Parses the canonical 8-4-4-4-12 hexadecimal form. */
    public static ShipmentId of(String value) {
        return new ShipmentId(Ids.parse(value, "shipment id"));
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
