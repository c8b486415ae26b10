package com.jakebuysit.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.rules.JakeBucksRules;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.Property;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JakeBucksAccountTest {

    private static final UserId OWNER = Fixtures.SELLER;
    private static final JakeBucksRules RULES = JakeBucksRules.defaults();
    private static final Instant AT = Fixtures.T0;
    private static final LedgerReference SALE = LedgerReference.offer(OfferId.of("44444444-4444-4444-8444-444444444444"));
    private static final LedgerReference ORDER = new LedgerReference(LedgerReference.ORDER, "order-17");

    private final JakeBucksAccount empty = JakeBucksAccount.open(OWNER);

    @Test
    void aSalePaidInJakeBucksPostsCreditAndTwelvePercentBonus() {
        Posting posting = empty.paySale(Money.usd("123.45"), SALE, RULES, AT);
        assertThat(posting.entries()).extracting(LedgerEntry::type, LedgerEntry::amount, LedgerEntry::balanceAfter)
                .containsExactly(
                        tuple(EntryType.CREDIT, Money.usd("123.45"), Money.usd("123.45")),
                        tuple(EntryType.BONUS, Money.usd("14.81"), Money.usd("138.26")));
        assertThat(posting.account().balance()).isEqualTo(Money.usd("138.26"));
        assertThat(posting.entries()).allSatisfy(e -> {
            assertThat(e.reference()).isEqualTo(SALE);
            assertThat(e.createdAt()).isEqualTo(AT);
        });
    }

    @Test
    void theBonusIsRoundedHalfEvenToTheCent() {
        assertThat(JakeBucksAccount.bonusFor(Money.usd("100.00"), RULES)).isEqualTo(Money.usd("12.00"));
        assertThat(JakeBucksAccount.bonusFor(Money.usd("0.12"), RULES)).isEqualTo(Money.usd("0.01")); // 0.0144
        assertThat(JakeBucksAccount.bonusFor(Money.usd("10.38"), RULES)).isEqualTo(Money.usd("1.25")); // 1.2456
        assertThat(JakeBucksAccount.bonusFor(Money.usd("0.25"), new JakeBucksRules(new BigDecimal("0.1"))))
                .isEqualTo(Money.usd("0.02")); // 0.025, half to even
        assertThat(JakeBucksAccount.bonusFor(Money.usd("0.04"), RULES)).isEqualTo(Money.usd("0.00")); // 0.0048
        assertThat(empty.paySale(Money.usd("0.04"), SALE, RULES, AT).entries()).hasSize(1);
    }

    @Test
    void aDebitSpendsCreditButNeverBelowZero() {
        JakeBucksAccount funded = empty.credit(Money.usd("50"), ORDER, "goodwill", AT).account();
        Posting spend = funded.debit(Money.usd("20"), ORDER, "store purchase", AT);
        assertThat(spend.entries()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntryType.DEBIT);
            assertThat(e.amount()).isEqualTo(Money.usd("-20"));
            assertThat(e.balanceAfter()).isEqualTo(Money.usd("30"));
        });
        assertThatThrownBy(() -> spend.account().debit(Money.usd("30.01"), ORDER, "too much", AT))
                .isInstanceOf(InsufficientJakeBucks.class).hasMessageContaining("$30.01").hasMessageContaining("$30.00");
        assertThatThrownBy(() -> funded.debit(Money.ZERO, ORDER, "nothing", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClawbackTakesWhatIsThereAndTheRestBecomesDebtThatBlocksPayouts() {
        JakeBucksAccount paid = empty.paySale(Money.usd("100"), SALE, RULES, AT).account(); // 112.00
        JakeBucksAccount spent = paid.debit(Money.usd("80"), ORDER, "purchase", AT).account(); // 32.00
        Posting clawback = spent.clawBackSale(Money.usd("100"), SALE, RULES, AT);
        assertThat(clawback.entries()).extracting(LedgerEntry::type, LedgerEntry::amount, LedgerEntry::balanceAfter)
                .containsExactly(tuple(EntryType.CLAWBACK, Money.usd("-32"), Money.ZERO));
        assertThat(clawback.account().balance()).isEqualTo(Money.ZERO);
        assertThat(clawback.account().debt()).isEqualTo(Money.usd("80.00")); // 68 of credit + 12 of bonus
        assertThat(clawback.account().blocksPayouts()).isTrue();
        assertThat(spent.blocksPayouts()).isFalse();
    }

    @Test
    void aFullClawbackPostsOneEntryPerOriginalEntry() {
        JakeBucksAccount paid = empty.paySale(Money.usd("100"), SALE, RULES, AT).account();
        Posting clawback = paid.clawBackSale(Money.usd("100"), SALE, RULES, AT);
        assertThat(clawback.entries()).extracting(LedgerEntry::amount)
                .containsExactly(Money.usd("-100"), Money.usd("-12"));
        assertThat(clawback.account()).isEqualTo(JakeBucksAccount.open(OWNER));
    }

    @Test
    void creditArrivingWhileInDebtPaysTheDebtFirst() {
        JakeBucksAccount inDebt = new JakeBucksAccount(OWNER, Money.ZERO, Money.usd("30"));
        Posting sale = inDebt.paySale(Money.usd("20"), SALE, RULES, AT);
        assertThat(sale.entries()).extracting(LedgerEntry::type, LedgerEntry::amount, LedgerEntry::balanceAfter)
                .containsExactly(
                        tuple(EntryType.CREDIT, Money.usd("20"), Money.usd("20")),
                        tuple(EntryType.CLAWBACK, Money.usd("-20"), Money.ZERO),
                        tuple(EntryType.BONUS, Money.usd("2.40"), Money.usd("2.40")),
                        tuple(EntryType.CLAWBACK, Money.usd("-2.40"), Money.ZERO));
        assertThat(sale.account().debt()).isEqualTo(Money.usd("7.60"));
        JakeBucksAccount settled = sale.account().adjust(Money.usd("10"), ORDER, "goodwill", AT).account();
        assertThat(settled.debt()).isEqualTo(Money.ZERO);
        assertThat(settled.balance()).isEqualTo(Money.usd("2.40"));
        assertThat(settled.blocksPayouts()).isFalse();
    }

    @Test
    void adjustmentsGoEitherWayButNotBelowZero() {
        JakeBucksAccount funded = empty.adjust(Money.usd("5"), ORDER, "correction", AT).account();
        Posting down = funded.adjust(Money.usd("-5"), ORDER, "correction", AT);
        assertThat(down.account().balance()).isEqualTo(Money.ZERO);
        assertThat(down.entries()).singleElement().extracting(LedgerEntry::type).isEqualTo(EntryType.ADJUSTMENT);
        assertThatThrownBy(() -> funded.adjust(Money.usd("-5.01"), ORDER, "x", AT)).isInstanceOf(InsufficientJakeBucks.class);
        assertThatThrownBy(() -> funded.adjust(Money.ZERO, ORDER, "x", AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAccountAndEntriesRefuseImpossibleStates() {
        assertThatThrownBy(() -> new JakeBucksAccount(OWNER, Money.usd("-1"), Money.ZERO))
                .hasMessageContaining("balance");
        assertThatThrownBy(() -> new JakeBucksAccount(OWNER, Money.usd("1"), Money.usd("1")))
                .hasMessageContaining("debt");
        assertThatThrownBy(() -> new LedgerEntry(EntryType.CREDIT, Money.usd("-1"), Money.ZERO, SALE, "x", AT))
                .hasMessageContaining("credit entry cannot have amount -1.00");
        assertThatThrownBy(() -> new LedgerEntry(EntryType.DEBIT, Money.usd("1"), Money.usd("1"), SALE, "x", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(EntryType.DEBIT, Money.usd("-2"), Money.usd("-1"), SALE, "x", AT))
                .hasMessageContaining("balanceAfter");
        assertThatThrownBy(() -> new LedgerReference("Offer", "x")).hasMessageContaining("lower_snake_case");
    }

    enum Kind { PAY_SALE, CREDIT, DEBIT, ADJUST_UP, ADJUST_DOWN, CLAW_BACK, CLAW_BACK_SALE }

    /** One operation with an amount in cents; debits and downward adjustments may ask for more than there is. */
    record Op(Kind kind, long cents) {
        Posting applyTo(JakeBucksAccount account) {
            Money amount = Money.ofCents(cents);
            Instant at = AT.plus(Duration.ofDays(1));
            return switch (kind) {
                case PAY_SALE -> account.paySale(amount, SALE, RULES, at);
                case CREDIT -> account.credit(amount, ORDER, "credit", at);
                case DEBIT -> account.debit(amount, ORDER, "debit", at);
                case ADJUST_UP -> account.adjust(amount, ORDER, "up", at);
                case ADJUST_DOWN -> account.adjust(amount.negate(), ORDER, "down", at);
                case CLAW_BACK -> account.clawBack(amount, SALE, "clawback", at);
                case CLAW_BACK_SALE -> account.clawBackSale(amount, SALE, RULES, at);
            };
        }
    }

    private static Gen<List<Op>> sequences() {
        Gen<Op> op = Gen.pairs(Gen.enumOf(Kind.class), Gen.longs(1, 50_000)).map(p -> new Op(p.first(), p.second()));
        return Gen.listOf(op, 0, 40);
    }

    /** Applies the op, or returns the account unchanged with no entries when it is refused for lack of balance. */
    private static Posting applyOrRefuse(Op op, JakeBucksAccount account) {
        try {
            return op.applyTo(account);
        } catch (InsufficientJakeBucks refused) {
            assertThat(op.kind()).isIn(Kind.DEBIT, Kind.ADJUST_DOWN);
            assertThat(op.cents()).isGreaterThan(account.balance().cents());
            return new Posting(account, List.of());
        }
    }

    @Test
    void anySequenceOfPostingsKeepsTheBooksStraight() {
        Property.forAll(sequences(), ops -> {
            JakeBucksAccount account = JakeBucksAccount.open(OWNER);
            List<LedgerEntry> journal = new ArrayList<>();
            for (Op op : ops) {
                Posting posting = applyOrRefuse(op, account);
                Money previous = account.balance();
                for (LedgerEntry entry : posting.entries()) {
                    assertThat(entry.balanceAfter()).isEqualTo(previous.plus(entry.amount()));
                    assertThat(entry.balanceAfter().isNegative()).isFalse();
                    assertThat(entry.amount().isZero()).isFalse();
                    previous = entry.balanceAfter();
                }
                assertThat(posting.account().balance()).isEqualTo(previous);
                assertThat(posting.account().debt().isNegative()).isFalse();
                journal.addAll(posting.entries());
                account = posting.account();
            }
            Money sum = journal.stream().map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
            assertThat(sum).isEqualTo(account.balance());
            assertThat(account.blocksPayouts()).isEqualTo(account.debt().isPositive());
        });
    }

    /** An independent model in cents: debt is what clawbacks could not take, less what later credit recovered. */
    @Test
    void balanceAndDebtMatchASimpleModel() {
        Property.forAll(sequences(), ops -> {
            JakeBucksAccount account = JakeBucksAccount.open(OWNER);
            long balance = 0;
            long debt = 0;
            for (Op op : ops) {
                account = applyOrRefuse(op, account).account();
                long a = op.cents();
                long bonus = BigDecimal.valueOf(a).multiply(new BigDecimal("0.12"))
                        .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
                switch (op.kind()) {
                    case PAY_SALE -> {
                        balance += a;
                        long recovered = Math.min(balance, debt);
                        balance -= recovered;
                        debt -= recovered;
                        balance += bonus;
                        recovered = Math.min(balance, debt);
                        balance -= recovered;
                        debt -= recovered;
                    }
                    case CREDIT, ADJUST_UP -> {
                        balance += a;
                        long recovered = Math.min(balance, debt);
                        balance -= recovered;
                        debt -= recovered;
                    }
                    case DEBIT, ADJUST_DOWN -> balance -= a <= balance ? a : 0;
                    case CLAW_BACK -> {
                        long taken = Math.min(balance, a);
                        balance -= taken;
                        debt += a - taken;
                    }
                    case CLAW_BACK_SALE -> {
                        for (long part : new long[] {a, bonus}) {
                            long taken = Math.min(balance, part);
                            balance -= taken;
                            debt += part - taken;
                        }
                    }
                }
                assertThat(account.balance().cents()).isEqualTo(balance);
                assertThat(account.debt().cents()).isEqualTo(debt);
            }
        });
    }
}
