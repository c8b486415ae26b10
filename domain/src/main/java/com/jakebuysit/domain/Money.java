package com.jakebuysit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money: a {@link BigDecimal} at scale 2 in a currency with two minor digits, rounded
 * {@link RoundingMode#HALF_EVEN}. Every amount in the business is USD; the currency is carried so
 * that arithmetic can refuse to mix currencies rather than trust that it never happens.
 *
 * <p>Money is signed, because ledger debits and downward adjustments are negative amounts. The
 * operations that make no sense with a negative operand refuse it ({@link #times} a negative
 * factor, {@link #percentOf}), and the values that can never be negative (prices, offers, balances)
 * check {@link #requireNonNegative} or {@link #requirePositive} in their own constructors.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency USD = Currency.getInstance("USD");
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final Money ZERO = usd(BigDecimal.ZERO);

    /** Rounds {@code amount} to scale 2 (HALF_EVEN); the currency must have two minor digits. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() != SCALE) {
            throw new IllegalArgumentException("currency " + currency + " does not have two minor digits");
        }
        amount = amount.setScale(SCALE, ROUNDING);
    }

    /** US dollars, rounded to the cent (HALF_EVEN). */
    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    /** US dollars from a decimal string such as {@code "123.45"}, rounded to the cent (HALF_EVEN). */
    public static Money usd(String amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return usd(new BigDecimal(amount.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: '" + amount + "'", e);
        }
    }

    /** US dollars from a whole number of cents. */
    public static Money ofCents(long cents) {
        return usd(BigDecimal.valueOf(cents, SCALE));
    }

    /**
     * Parses wire money strictly: a plain decimal with at most two decimals ({@code "12"},
     * {@code "12.5"}, {@code "12.50"}); a third decimal is refused rather than rounded away.
     */
    public static Money parse(String wire) {
        Objects.requireNonNull(wire, "amount");
        if (!wire.matches("-?\\d{1,10}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("not a money amount with at most two decimals: '" + wire + "'");
        }
        return usd(new BigDecimal(wire));
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** This amount times a non-negative factor (a multiplier, a ratio), rounded HALF_EVEN to the cent. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        if (factor.signum() < 0) {
            throw new IllegalArgumentException("money can only be multiplied by a non-negative factor, not " + factor);
        }
        return new Money(amount.multiply(factor), currency);
    }

    /** {@code rate} (0..1, e.g. 0.12) of this non-negative amount, rounded HALF_EVEN to the cent. */
    public Money percentOf(BigDecimal rate) {
        requireNonNegative("amount");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rate must be in 0..1, not " + rate);
        }
        return times(rate);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return new Money(amount.abs(), currency);
    }

    /** This amount divided by a positive amount of the same currency, at the given scale (HALF_EVEN). */
    public BigDecimal ratioTo(Money denominator, int scale) {
        sameCurrency(denominator);
        if (denominator.amount.signum() <= 0) {
            throw new IllegalArgumentException("cannot take a ratio to " + denominator);
        }
        return amount.divide(denominator.amount, scale, ROUNDING);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** This amount, or fails naming {@code what} when it is negative. */
    public Money requireNonNegative(String what) {
        if (isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + toWire());
        }
        return this;
    }

    /** This amount, or fails naming {@code what} when it is zero or negative. */
    public Money requirePositive(String what) {
        if (!isPositive()) {
            throw new IllegalArgumentException(what + " must be positive, was " + toWire());
        }
        return this;
    }

    /** Whole cents; exact, since the scale is always 2. */
    public long cents() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** The wire form: a plain decimal string with two decimals, {@code "123.45"}. */
    public String toWire() {
        return amount.toPlainString();
    }

    /** For people: {@code "$1,234.56"} (other currencies get their code in front). */
    public String format() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        String digits = format.format(amount.abs());
        String symbol = currency.equals(USD) ? "$" : currency.getCurrencyCode() + " ";
        return (isNegative() ? "-" : "") + symbol + digits;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toWire();
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other amount");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatch(currency, other.currency);
        }
        return other;
    }

    /** Arithmetic across two currencies; never converted implicitly. */
    public static final class CurrencyMismatch extends IllegalArgumentException {
        public CurrencyMismatch(Currency left, Currency right) {
            super("cannot mix currencies " + left + " and " + right);
        }
    }
}
