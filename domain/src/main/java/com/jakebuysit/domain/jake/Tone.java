package com.jakebuysit.domain.jake;

import com.jakebuysit.domain.Coded;

/** How Jake sounds, chosen from how the offer compares to the market. */
public enum Tone implements Coded {
    /** A generous offer: Jake is proud of it ("Well now, partner, that's a fine piece!"). */
    CELEBRATORY("celebratory"),
    /** A fair, ordinary offer: relaxed and friendly. */
    EASYGOING("easygoing"),
    /** A low offer next to the market: Jake says so plainly and explains why (condition, resale costs). */
    STRAIGHT_SHOOTER("straight_shooter");

    private final String code;

    Tone(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Tone fromCode(String code) {
        return Coded.fromCode(Tone.class, code);
    }
}
