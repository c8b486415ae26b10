package com.jakebuysit.domain;

/** The condition of an item, best first; the seller states one and the warehouse grades the real one. */
public enum Condition implements Coded {
    NEW("new", "New"),
    LIKE_NEW("like_new", "Like New"),
    GOOD("good", "Good"),
    FAIR("fair", "Fair"),
    POOR("poor", "Poor");

    private final String code;
    private final String displayName;

    Condition(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override
    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** True when this condition is strictly better than {@code other} (NEW is the best). */
    public boolean isBetterThan(Condition other) {
        return ordinal() < other.ordinal();
    }

    public static Condition fromCode(String code) {
        return Coded.fromCode(Condition.class, code);
    }
}
