package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Text;
import com.jakebuysit.domain.UserId;
import java.util.Objects;

/** A reviewer's answer to an escalated offer: approve the proposed price, set their own, or reject. */
public sealed interface EscalationResolution {

    UserId reviewer();

    String notes();

    EscalationAction action();

    /** Show the seller the price the engine proposed. */
    record Approve(UserId reviewer, String notes) implements EscalationResolution {
        public Approve {
            Objects.requireNonNull(reviewer, "reviewer");
            notes = Text.required(notes, "notes", 2000);
        }

        @Override
        public EscalationAction action() {
            return EscalationAction.APPROVE;
        }
    }

    /** Show the seller the reviewer's price instead. */
    record CustomPrice(UserId reviewer, Money amount, String notes) implements EscalationResolution {
        public CustomPrice {
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(amount, "amount").requirePositive("custom price");
            notes = Text.required(notes, "notes", 2000);
        }

        @Override
        public EscalationAction action() {
            return EscalationAction.CUSTOM_PRICE;
        }
    }

    /** No offer. */
    record Reject(UserId reviewer, String notes) implements EscalationResolution {
        public Reject {
            Objects.requireNonNull(reviewer, "reviewer");
            notes = Text.required(notes, "notes", 2000);
        }

        @Override
        public EscalationAction action() {
            return EscalationAction.REJECT;
        }
    }
}
