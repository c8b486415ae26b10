package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.Coded;

/** What a fraud or limit rule says, from harmless to worst; when rules disagree the worst wins. */
public enum Verdict implements Coded {
    /** Nothing to see. */
    PASS("pass"),
    /** Go on, but mark it for a human to look at later. */
    FLAG("flag"),
    /** Stop and let a human decide before going on. */
    ESCALATE("escalate"),
    /** Refuse. */
    REJECT("reject");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The more severe of the two. */
    public Verdict worst(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isAtLeast(Verdict other) {
        return compareTo(other) >= 0;
    }

    public static Verdict fromCode(String code) {
        return Coded.fromCode(Verdict.class, code);
    }
}
