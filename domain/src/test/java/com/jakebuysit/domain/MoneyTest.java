package com.jakebuysit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.Property;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void holdsTwoDecimalsRoundedHalfEven() {
        assertThat(Money.usd("1.005").toWire()).isEqualTo("1.00");
        assertThat(Money.usd("1.015").toWire()).isEqualTo("1.02");
        assertThat(Money.usd("1.025").toWire()).isEqualTo("1.02");
        assertThat(Money.usd("7").toWire()).isEqualTo("7.00");
        assertThat(Money.usd("7")).isEqualTo(Money.usd("7.000"));
    }

    @Test
    void refusesMixedCurrencies() {
        Money euros = new Money(BigDecimal.TEN, EUR);
        assertThatThrownBy(() -> Money.usd("1").plus(euros)).isInstanceOf(Money.CurrencyMismatch.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> Money.usd("1").compareTo(euros)).isInstanceOf(Money.CurrencyMismatch.class);
        assertThatThrownBy(() -> Money.usd("1").ratioTo(euros, 4)).isInstanceOf(Money.CurrencyMismatch.class);
    }

    @Test
    void refusesCurrenciesWithoutTwoMinorDigits() {
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, Currency.getInstance("JPY")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeFactorsAndRates() {
        assertThatThrownBy(() -> Money.usd("10").times(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.usd("-10").percentOf(new BigDecimal("0.12")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.usd("10").percentOf(new BigDecimal("1.2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.usd("-0.01").requireNonNegative("price"))
                .hasMessageContaining("price must not be negative");
        assertThatThrownBy(() -> Money.ZERO.requirePositive("offer")).hasMessageContaining("offer must be positive");
    }

    @Test
    void multipliesAndTakesRatios() {
        assertThat(Money.usd("100.00").times(new BigDecimal("0.925"))).isEqualTo(Money.usd("92.50"));
        assertThat(Money.usd("10.01").times(new BigDecimal("0.65"))).isEqualTo(Money.usd("6.51"));
        assertThat(Money.usd("52.80").ratioTo(Money.usd("110.00"), 4)).isEqualByComparingTo("0.4800");
        assertThat(Money.usd("123.45").percentOf(new BigDecimal("0.12"))).isEqualTo(Money.usd("14.81"));
        assertThatThrownBy(() -> Money.usd("1").ratioTo(Money.ZERO, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesWireAmountsStrictly() {
        assertThat(Money.parse("123.45")).isEqualTo(Money.usd("123.45"));
        assertThat(Money.parse("12.5")).isEqualTo(Money.usd("12.50"));
        assertThat(Money.parse("-3")).isEqualTo(Money.usd("-3.00"));
        assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1e3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.usd("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsForPeople() {
        assertThat(Money.usd("1234.5").format()).isEqualTo("$1,234.50");
        assertThat(Money.usd("-3").format()).isEqualTo("-$3.00");
        assertThat(Money.usd("3").toString()).isEqualTo("USD 3.00");
        assertThat(Money.ofCents(12345).toWire()).isEqualTo("123.45");
        assertThat(Money.usd("123.45").cents()).isEqualTo(12345);
    }

    @Test
    void plusAndMinusAreExactInCents() {
        Gen<Long> cents = Gen.longs(-10_000_000, 10_000_000);
        Property.forAll(Gen.pairs(cents, cents), pair -> {
            long a = pair.first();
            long b = pair.second();
            assertThat(Money.ofCents(a).plus(Money.ofCents(b)).cents()).isEqualTo(a + b);
            assertThat(Money.ofCents(a).minus(Money.ofCents(b)).cents()).isEqualTo(a - b);
            assertThat(Money.ofCents(a).plus(Money.ofCents(b)).minus(Money.ofCents(b))).isEqualTo(Money.ofCents(a));
            assertThat(Money.parse(Money.ofCents(a).toWire())).isEqualTo(Money.ofCents(a));
        });
    }
}
