package com.jakebuysit.domain.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a check against many generated inputs. Each run draws a fresh seed (so runs explore
 * different inputs over time) unless {@code -Dproperty.seed=N} fixes it; a failure names the seed,
 * the try and the input, so it can be replayed exactly.
 */
public final class Property {

    public static final int DEFAULT_TRIES = 300;
    static final String SEED_PROPERTY = "property.seed";

    private Property() {
    }

    public static <T> void forAll(Gen<T> gen, Consumer<T> check) {
        forAll(DEFAULT_TRIES, gen, check);
    }

    public static <T> void forAll(int tries, Gen<T> gen, Consumer<T> check) {
        long seed = Long.getLong(SEED_PROPERTY, new SplittableRandom().nextLong());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            T input = gen.next(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + i + " of " + tries + " (replay with -D"
                        + SEED_PROPERTY + "=" + seed + ")\ninput: " + input + "\n" + e.getMessage(), e);
            }
        }
    }
}
