package com.jakebuysit.domain.account;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.PayoutMethod;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a seller's money goes: a Stripe connected account or a US bank account (paid through
 * Stripe), a PayPal address, or nothing for Jake Bucks. Each form checks itself and knows the
 * masked text that is the only thing ever shown; {@code toString} is that masked text too, so the
 * full details never reach a log by accident. Sealed at rest by a {@code SecretBox}.
 */
public sealed interface PayoutDetails {

    /** The bullet used in masked forms. */
    String DOTS = "\u2022\u2022\u2022\u2022";

    PayoutMethod method();

    /** What may be shown of these details; empty when there is nothing to show (Jake Bucks). */
    Optional<String> masked();

    /** A Stripe connected account, e.g. {@code acct_1Nv0FGQ9RKHgCVdK}. */
    record StripeAccount(String accountId) implements PayoutDetails {

        private static final Pattern ID = Pattern.compile("acct_[A-Za-z0-9]{6,64}");

        public StripeAccount {
            accountId = Objects.requireNonNull(accountId, "accountId is required").strip();
            if (!ID.matcher(accountId).matches()) {
                throw new IllegalArgumentException("accountId must look like acct_ followed by 6 to 64 letters or digits");
            }
        }

        @Override
        public PayoutMethod method() {
            return PayoutMethod.STRIPE;
        }

        @Override
        public Optional<String> masked() {
            return Optional.of("Stripe account " + DOTS + lastFour(accountId));
        }

        @Override
        public String toString() {
            return masked().orElseThrow();
        }
    }

    /** A US bank account paid through Stripe: an ABA routing number (checksummed) and an account number. */
    record BankAccount(String routingNumber, String accountNumber) implements PayoutDetails {

        private static final Pattern ROUTING = Pattern.compile("\\d{9}");
        private static final Pattern ACCOUNT = Pattern.compile("\\d{4,17}");

        public BankAccount {
            routingNumber = digitsOnly(Objects.requireNonNull(routingNumber, "routingNumber is required"));
            accountNumber = digitsOnly(Objects.requireNonNull(accountNumber, "accountNumber is required"));
            if (!ROUTING.matcher(routingNumber).matches() || !abaChecksumHolds(routingNumber)) {
                throw new IllegalArgumentException("routingNumber must be a valid 9-digit ABA routing number");
            }
            if (!ACCOUNT.matcher(accountNumber).matches()) {
                throw new IllegalArgumentException("accountNumber must be 4 to 17 digits");
            }
        }

        @Override
        public PayoutMethod method() {
            return PayoutMethod.STRIPE;
        }

        @Override
        public Optional<String> masked() {
            return Optional.of("Bank account " + DOTS + " " + lastFour(accountNumber));
        }

        @Override
        public String toString() {
            return masked().orElseThrow();
        }

        // Spaces and dashes are how people write these numbers; the digits are what count.
        private static String digitsOnly(String value) {
            return value.strip().replace(" ", "").replace("-", "");
        }

        /** The ABA check: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
        static boolean abaChecksumHolds(String nine) {
            int[] d = nine.chars().map(c -> c - '0').toArray();
            int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
            return sum % 10 == 0;
        }
    }

    /** A PayPal account, named by its email address. */
    record PayPalAccount(Email email) implements PayoutDetails {

        public PayPalAccount {
            Objects.requireNonNull(email, "email is required");
        }

        @Override
        public PayoutMethod method() {
            return PayoutMethod.PAYPAL;
        }

        /** {@code j•••@example.com}: enough to recognise one's own address, not enough to learn it. */
        @Override
        public Optional<String> masked() {
            String value = email.value();
            return Optional.of(value.charAt(0) + "\u2022\u2022\u2022" + value.substring(value.indexOf('@')));
        }

        @Override
        public String toString() {
            return "PayPal " + masked().orElseThrow();
        }
    }

    /** Store credit: nothing to know, nothing to hide. */
    record JakeBucks() implements PayoutDetails {

        @Override
        public PayoutMethod method() {
            return PayoutMethod.JAKE_BUCKS;
        }

        @Override
        public Optional<String> masked() {
            return Optional.empty();
        }
    }

    private static String lastFour(String value) {
        return value.substring(Math.max(0, value.length() - 4));
    }
}
