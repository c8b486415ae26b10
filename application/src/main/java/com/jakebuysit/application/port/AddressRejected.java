package com.jakebuysit.application.port;

import java.util.Objects;

/**
 * The carrier will not ship from or to this address (unknown state, a ZIP that does not exist,
 * a country it does not serve). The seller's to fix: 422 naming the field.
 *
 * @param field the address field at fault ({@code "state"}, {@code "zip"}, …), or {@code "address"}
 */
public final class AddressRejected extends RuntimeException {

    private final String field;

    public AddressRejected(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
