package com.jakebuysit.domain.account;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +15125550123}): a plus, a country code that does not start
 * with 0, and 7 to 15 digits in all. Spaces, dashes, dots and parentheses people type are dropped.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        if (value == null) {
            throw new IllegalArgumentException("phone is required");
        }
        value = value.strip().replaceAll("[\\s().-]", "");
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "phone must be in international form: + and country code, 7 to 15 digits (e.g. +15125550123)");
        }
    }

    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
