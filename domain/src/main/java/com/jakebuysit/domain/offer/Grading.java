package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * The warehouse's verdict on an arrived item ({@code POST /warehouse/offers/{id}/verify}).
 *
 * @param conditionActual the grade
 * @param approved false when the item is refused outright (not what was described, counterfeit…):
 *     it goes back to the seller
 * @param revisedAmount a lower amount for a lower grade (computed with
 *     {@code PricingEngine.revisedAmount}); only for an approved item
 */
public record Grading(Condition conditionActual, boolean approved, Optional<Money> revisedAmount,
        Optional<String> serialNumber, Optional<String> notes) {

    public Grading {
        Objects.requireNonNull(conditionActual, "conditionActual");
        Objects.requireNonNull(revisedAmount, "revisedAmount").ifPresent(a -> a.requirePositive("revised amount"));
        serialNumber = Text.optional(serialNumber, "serialNumber");
        notes = Text.optional(notes, "notes");
        if (!approved && revisedAmount.isPresent()) {
            throw new IllegalArgumentException("a refused item has no revised amount");
        }
    }

    public static Grading approved(Condition conditionActual) {
        return new Grading(conditionActual, true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Grading revised(Condition conditionActual, Money revisedAmount) {
        return new Grading(conditionActual, true, Optional.of(revisedAmount), Optional.empty(), Optional.empty());
    }

    public static Grading refused(Condition conditionActual, String notes) {
        return new Grading(conditionActual, false, Optional.empty(), Optional.empty(), Optional.of(notes));
    }
}
