package com.jakebuysit.application.port;

/** A pagination cursor that this service did not hand out. */
public final class InvalidCursor extends IllegalArgumentException {

    public InvalidCursor() {
        super("invalid cursor");
    }
}
