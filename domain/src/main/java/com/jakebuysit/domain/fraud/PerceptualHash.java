package com.jakebuysit.domain.fraud;

import java.math.BigDecimal;

/**
 * Comparing 64-bit perceptual hashes (pHash): two photos of the same picture differ in few bits.
 * Similarity is {@code 1 − hamming / 64}, exact as a decimal (multiples of 1/64 = 0.015625).
 */
public final class PerceptualHash {

    public static final int BITS = 64;
    private static final BigDecimal BITS_DECIMAL = BigDecimal.valueOf(BITS);

    private PerceptualHash() {
    }

    /** Number of differing bits, 0..64. */
    public static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** 1 for identical hashes, 0 for complementary ones. */
    public static BigDecimal similarity(long a, long b) {
        return BigDecimal.valueOf(BITS - hammingDistance(a, b)).divide(BITS_DECIMAL);
    }
}
