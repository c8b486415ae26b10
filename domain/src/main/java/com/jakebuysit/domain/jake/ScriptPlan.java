package com.jakebuysit.domain.jake;

import java.util.Objects;

/**
 * What the voice step should produce: the tier (3 full voiced performance, 2 short voiced line,
 * 1 text only) and the tone.
 */
public record ScriptPlan(int tier, Tone tone) {

    public static final int TEXT_ONLY = 1;
    public static final int SHORT_VOICED = 2;
    public static final int FULL_VOICED = 3;

    public ScriptPlan {
        if (tier < TEXT_ONLY || tier > FULL_VOICED) {
            throw new IllegalArgumentException("script tier must be 1..3, was " + tier);
        }
        Objects.requireNonNull(tone, "tone");
    }

    public boolean voiced() {
        return tier > TEXT_ONLY;
    }
}
