package com.jakebuysit.domain.ledger;

import com.jakebuysit.domain.Coded;

/** The kinds of Jake Bucks ledger entry, and the sign each one's amount must have. */
public enum EntryType implements Coded {
    /** Store credit for a sale paid in Jake Bucks; positive. */
    CREDIT("credit", Sign.POSITIVE),
    /** Store credit spent; negative. */
    DEBIT("debit", Sign.NEGATIVE),
    /** The bonus on top of a sale paid in Jake Bucks; positive. */
    BONUS("bonus", Sign.POSITIVE),
    /** A correction by staff; either sign. */
    ADJUSTMENT("adjustment", Sign.EITHER),
    /** Credit taken back after a sale failed, or to recover earlier debt; negative. */
    CLAWBACK("clawback", Sign.NEGATIVE);

    enum Sign { POSITIVE, NEGATIVE, EITHER }

    private final String code;
    private final Sign sign;

    EntryType(String code, Sign sign) {
        this.code = code;
        this.sign = sign;
    }

    @Override
    public String code() {
        return code;
    }

    /** True when a non-zero amount of this sign is allowed for this type. */
    public boolean allowsSign(int signum) {
        return switch (sign) {
            case POSITIVE -> signum > 0;
            case NEGATIVE -> signum < 0;
            case EITHER -> signum != 0;
        };
    }

    public static EntryType fromCode(String code) {
        return Coded.fromCode(EntryType.class, code);
    }
}
