package com.jakebuysit.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** A value with a fixed wire code; every enum of the domain parses its codes the same strict way. */
public interface Coded {

    /** The code as it appears on the wire, in the database and in the config JSON. */
    String code();

    /**
     * The constant of {@code type} whose code is exactly {@code code} (case-sensitive).
     *
     * @throws UnknownCode naming the type, the bad code and the codes that are allowed
     */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        Objects.requireNonNull(type, "type");
        E[] constants = type.getEnumConstants();
        if (code != null) {
            for (E constant : constants) {
                if (constant.code().equals(code)) {
                    return constant;
                }
            }
        }
        throw new UnknownCode(describe(type), code, Arrays.stream(constants).map(Coded::code).toList());
    }

    private static String describe(Class<?> type) {
        // "OfferStatus" -> "offer status"
        return type.getSimpleName().chars()
                .mapToObj(c -> Character.isUpperCase(c) ? " " + Character.toLowerCase((char) c) : String.valueOf((char) c))
                .collect(Collectors.joining())
                .strip();
    }
}
