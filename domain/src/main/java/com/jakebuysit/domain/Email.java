package com.jakebuysit.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised (trimmed, lower-case) so that one mailbox is one account, and
 * checked for a plausible shape: local part, '@', a domain with at least one dot.
 */
public record Email(String value) {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    public Email {
        if (value == null) {
            throw new IllegalArgumentException("email is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid email address: '" + value + "'");
        }
    }

    public static Email of(String value) {
        return new Email(value);
    }

    /** The part after the '@'. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    private static boolean isValid(String value) {
        if (value.length() > 254) {
            return false;
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@')) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return value;
    }
}
