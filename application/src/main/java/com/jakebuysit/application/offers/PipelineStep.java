package com.jakebuysit.application.offers;

import com.jakebuysit.domain.Coded;

/** The steps from photos to a priced offer, in order. */
public enum PipelineStep implements Coded {
    IDENTIFY("identify"),
    MARKET("market"),
    PRICING("pricing"),
    VOICE("voice");

    private final String code;

    PipelineStep(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
