package com.jakebuysit.domain;

/** How far we trust a seller, 0 (not at all) to 100; see {@code trust.TrustScoring} for how it moves. */
public record TrustScore(int value) implements Comparable<TrustScore> {

    public static final int MIN = 0;
    public static final int MAX = 100;

    public TrustScore {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("trust score must be in 0..100, was " + value);
        }
    }

    public static TrustScore of(int value) {
        return new TrustScore(value);
    }

    public boolean isBelow(int threshold) {
        return value < threshold;
    }

    public boolean isAtLeast(int threshold) {
        return value >= threshold;
    }

    @Override
    public int compareTo(TrustScore other) {
        return Integer.compare(value, other.value);
    }
}
