package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Coded;

/** What a reviewer can do with an escalated offer. */
public enum EscalationAction implements Coded {
    APPROVE("approve"),
    CUSTOM_PRICE("custom_price"),
    REJECT("reject");

    private final String code;

    EscalationAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static EscalationAction fromCode(String code) {
        return Coded.fromCode(EscalationAction.class, code);
    }
}
