package com.jakebuysit.domain.shipping;

import com.jakebuysit.domain.Coded;

/**
 * Where a shipment is, with the codes of the {@code shipments.status} check (migration 005). A label
 * is {@code label_created} until the carrier's first scan; {@code voided}, {@code delivered} and
 * {@code returned} are final.
 */
public enum ShipmentStatus implements Coded {
    LABEL_CREATED("label_created"),
    IN_TRANSIT("in_transit"),
    OUT_FOR_DELIVERY("out_for_delivery"),
    AVAILABLE_FOR_PICKUP("available_for_pickup"),
    DELIVERED("delivered"),
    RETURNED("returned"),
    VOIDED("voided"),
    EXCEPTION("exception");

    private final String code;

    ShipmentStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** No move leaves this status. */
    public boolean isFinal() {
        return this == VOIDED || this == DELIVERED || this == RETURNED;
    }

    /** The carrier has the parcel in hand (or had): any status after the label was created, except a void. */
    public boolean isScanned() {
        return this != LABEL_CREATED && this != VOIDED;
    }

    public static ShipmentStatus fromCode(String code) {
        return Coded.fromCode(ShipmentStatus.class, code);
    }
}
