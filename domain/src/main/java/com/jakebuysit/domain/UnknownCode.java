package com.jakebuysit.domain;

import java.util.List;
import java.util.Optional;

/** A wire code that names no constant of its enum; the message lists the codes that would have worked. */
public final class UnknownCode extends IllegalArgumentException {

    private final String type;
    private final String code;
    private final List<String> allowed;

    public UnknownCode(String type, String code, List<String> allowed) {
        super("unknown " + type + " code " + (code == null ? "<missing>" : "'" + code + "'")
                + "; expected one of: " + String.join(", ", allowed));
        this.type = type;
        this.code = code;
        this.allowed = List.copyOf(allowed);
    }

    public String type() {
        return type;
    }

    /** The code that was given, empty when none was. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public List<String> allowed() {
        return allowed;
    }
}
