package com.jakebuysit.domain.rules;

import com.jakebuysit.domain.Coded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Validation and normalisation shared by the rules records. Decimals are normalised so that a
 * record built from JSON ("0.6") equals one built in code ("0.60"): ratios lose trailing zeros,
 * amounts are held at scale 2.
 */
final class Checks {

    private Checks() {
    }

    /** A ratio in 0..1 inclusive, trailing zeros stripped. */
    static BigDecimal ratio(BigDecimal value, String what) {
        return between(value, BigDecimal.ZERO, BigDecimal.ONE, what);
    }

    /** A ratio in (0..1]: zero would mean "pay nothing" or "multiply by nothing". */
    static BigDecimal positiveRatio(BigDecimal value, String what) {
        BigDecimal ratio = ratio(value, what);
        if (ratio.signum() == 0) {
            throw new IllegalArgumentException(what + " must be above 0");
        }
        return ratio;
    }

    static BigDecimal between(BigDecimal value, BigDecimal min, BigDecimal max, String what) {
        Objects.requireNonNull(value, what);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be in " + min.toPlainString() + ".."
                    + max.toPlainString() + ", was " + value.toPlainString());
        }
        return normalised(value);
    }

    /** A non-negative amount with at most two decimals, held at scale 2. */
    static BigDecimal amount(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value.toPlainString());
        }
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " must have at most two decimals, was " + value.toPlainString());
        }
    }

    static int atLeast(int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    static int between(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    static void ordered(BigDecimal lower, String lowerName, BigDecimal upper, String upperName) {
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException(lowerName + " (" + lower.toPlainString() + ") must not be above "
                    + upperName + " (" + upper.toPlainString() + ")");
        }
    }

    static void ordered(int lower, String lowerName, int upper, String upperName) {
        if (lower > upper) {
            throw new IllegalArgumentException(lowerName + " (" + lower + ") must not be above " + upperName
                    + " (" + upper + ")");
        }
    }

    /**
     * An immutable, enum-ordered copy of {@code map} with each value passed through {@code check}
     * (named {@code what.code}); when {@code complete}, every constant of {@code type} must have a value.
     */
    static <K extends Enum<K> & Coded> Map<K, BigDecimal> enumMap(Map<K, BigDecimal> map, Class<K> type, String what,
            boolean complete, BiFunction<BigDecimal, String, BigDecimal> check) {
        Objects.requireNonNull(map, what);
        EnumMap<K, BigDecimal> copy = new EnumMap<>(type);
        map.forEach((key, value) -> {
            Objects.requireNonNull(key, what + " key");
            copy.put(key, check.apply(value, what + "." + key.code()));
        });
        if (complete) {
            for (K key : type.getEnumConstants()) {
                if (!copy.containsKey(key)) {
                    throw new IllegalArgumentException(what + " has no value for " + key.code());
                }
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
