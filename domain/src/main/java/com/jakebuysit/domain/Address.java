package com.jakebuysit.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A postal address for a shipping label. Country is an ISO 3166-1 alpha-2 code (upper-cased);
 * for the US the state must be a two-letter code and the ZIP 5 or 5+4 digits.
 */
public record Address(
        String name,
        String street1,
        Optional<String> street2,
        String city,
        String state,
        String zip,
        String country) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern US_STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

    public Address {
        name = Text.required(name, "name", 100);
        street1 = Text.required(street1, "street1", 200);
        street2 = Text.optional(street2, "street2");
        street2.ifPresent(s -> Text.required(s, "street2", 200));
        city = Text.required(city, "city", 100);
        state = Text.required(state, "state", 100);
        zip = Text.required(zip, "zip", 20);
        country = Text.required(country, "country").toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, was '" + country + "'");
        }
        if (country.equals("US")) {
            state = state.toUpperCase(Locale.ROOT);
            if (!US_STATE.matcher(state).matches()) {
                throw new IllegalArgumentException("a US state must be a two-letter code, was '" + state + "'");
            }
            if (!US_ZIP.matcher(zip).matches()) {
                throw new IllegalArgumentException("a US ZIP code must be 5 or 5+4 digits, was '" + zip + "'");
            }
        }
    }

    /** An address without a second street line. */
    public Address(String name, String street1, String city, String state, String zip, String country) {
        this(name, street1, Optional.empty(), city, state, zip, country);
    }

    /** One line, for logs and audit snapshots. */
    public String oneLine() {
        return name + ", " + street1 + street2.map(s -> ", " + s).orElse("") + ", " + city + ", " + state + " " + zip
                + ", " + country;
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
