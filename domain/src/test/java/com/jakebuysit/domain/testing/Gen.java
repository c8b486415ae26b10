package com.jakebuysit.domain.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A generator of random test values for {@link Property}. Number generators favour their bounds
 * (about one value in eight is the minimum or the maximum), where bugs live.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
        return random -> f.apply(next(random)).next(random);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** Inclusive bounds. */
    static Gen<Integer> ints(int min, int max) {
        return random -> {
            int pick = random.nextInt(16);
            if (pick == 0) {
                return min;
            }
            if (pick == 1) {
                return max;
            }
            return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
        };
    }

    /** Inclusive bounds. */
    static Gen<Long> longs(long min, long max) {
        return random -> {
            int pick = random.nextInt(16);
            if (pick == 0) {
                return min;
            }
            if (pick == 1) {
                return max;
            }
            return random.nextLong(min, max == Long.MAX_VALUE ? max : max + 1);
        };
    }

    /** Uniform over all 64-bit values. */
    static Gen<Long> anyLong() {
        return SplittableRandom::nextLong;
    }

    static Gen<Boolean> bools() {
        return SplittableRandom::nextBoolean;
    }

    /** A decimal with {@code scale} digits after the point, between the bounds (inclusive). */
    static Gen<BigDecimal> decimals(String min, String max, int scale) {
        long low = new BigDecimal(min).movePointRight(scale).longValueExact();
        long high = new BigDecimal(max).movePointRight(scale).longValueExact();
        return longs(low, high).map(unscaled -> BigDecimal.valueOf(unscaled, scale));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> list = List.of(values);
        return random -> list.get(random.nextInt(list.size()));
    }

    static <E extends Enum<E>> Gen<E> enumOf(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    @SafeVarargs
    static <T> Gen<T> choose(Gen<? extends T>... gens) {
        List<Gen<? extends T>> list = Arrays.asList(gens);
        return random -> list.get(random.nextInt(list.size())).next(random);
    }

    static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
        Gen<Integer> sizes = ints(minSize, maxSize);
        return random -> {
            int size = sizes.next(random);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.next(random));
            }
            return list;
        };
    }

    /** A random reordering of the list. */
    static <T> Gen<List<T>> shuffled(List<T> list) {
        return random -> {
            List<T> copy = new ArrayList<>(list);
            for (int i = copy.size() - 1; i > 0; i--) {
                Collections.swap(copy, i, random.nextInt(i + 1));
            }
            return copy;
        };
    }

    /** Two values drawn one after the other. */
    static <A, B> Gen<Pair<A, B>> pairs(Gen<A> first, Gen<B> second) {
        return random -> new Pair<>(first.next(random), second.next(random));
    }

    record Pair<A, B>(A first, B second) {
    }
}
