package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A rule's verdict with its reasons. Anything but {@code pass} carries at least one reason, so a
 * decision can always be logged and explained. {@link #combine} merges several: the worst verdict
 * wins and the reasons are concatenated in order.
 */
public record Assessment(Verdict verdict, List<Reason> reasons) {

    private static final Assessment PASS = new Assessment(Verdict.PASS, List.of());

    public Assessment {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        if (verdict != Verdict.PASS && reasons.isEmpty()) {
            throw new IllegalArgumentException("a " + verdict.code() + " verdict needs a reason");
        }
    }

    public static Assessment pass() {
        return PASS;
    }

    public static Assessment of(Verdict verdict, String rule, String message) {
        return new Assessment(verdict, List.of(new Reason(rule, message)));
    }

    public static Assessment flag(String rule, String message) {
        return of(Verdict.FLAG, rule, message);
    }

    public static Assessment escalate(String rule, String message) {
        return of(Verdict.ESCALATE, rule, message);
    }

    public static Assessment reject(String rule, String message) {
        return of(Verdict.REJECT, rule, message);
    }

    /** Worst verdict wins; reasons concatenated in the order given. Empty → pass. */
    public static Assessment combine(Collection<Assessment> assessments) {
        Verdict worst = Verdict.PASS;
        List<Reason> reasons = new ArrayList<>();
        for (Assessment assessment : assessments) {
            worst = worst.worst(assessment.verdict);
            reasons.addAll(assessment.reasons);
        }
        return new Assessment(worst, reasons);
    }

    public static Assessment combine(Assessment... assessments) {
        return combine(Arrays.asList(assessments));
    }

    public Assessment and(Assessment other) {
        return combine(this, other);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
