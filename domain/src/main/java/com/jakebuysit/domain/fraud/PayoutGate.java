package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.rules.BusinessRules;

/**
 * Whether a payout may leave now. The verdicts read: {@code pass} = release now; {@code flag} =
 * the manual hold (a person releases it; sellers with trust at or above
 * {@code skipPayoutHoldAtOrAbove}, 80, skip it); {@code escalate} = held for an investigation
 * (serial/IMEI on the blocklist); {@code reject} = blocked until the cause is cleared (Jake Bucks
 * debt, or a new account that must be verified first).
 */
public final class PayoutGate {

    public static final String DEBT = "payout.jake_bucks_debt";
    public static final String BLOCKLIST = "payout.serial_blocklisted";
    public static final String MANUAL_HOLD = "payout.manual_hold";

    private PayoutGate() {
    }

    public static Assessment assess(PayoutFacts facts, BusinessRules rules) {
        return Assessment.combine(
                facts.jakeBucksDebt().isPositive()
                        ? Assessment.reject(DEBT, "the seller owes " + facts.jakeBucksDebt().format()
                                + " of clawed-back Jake Bucks")
                        : Assessment.pass(),
                NewAccountRule.payoutVerification(facts.accountCreatedAt(), facts.sellerVerified(), facts.amount(),
                        facts.asOf(), rules.fraudSettings()),
                facts.serialBlocklisted()
                        ? Assessment.escalate(BLOCKLIST, "the item's serial number is on the blocklist")
                        : Assessment.pass(),
                facts.trust().isAtLeast(rules.trust().skipPayoutHoldAtOrAbove())
                        ? Assessment.pass()
                        : Assessment.flag(MANUAL_HOLD, "trust score " + facts.trust().value() + " is below "
                                + rules.trust().skipPayoutHoldAtOrAbove() + ": manual hold"));
    }
}
