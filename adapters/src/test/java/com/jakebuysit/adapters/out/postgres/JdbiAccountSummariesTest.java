package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.AccountSummaries.HistoryItem;
import com.jakebuysit.application.port.AccountSummaries.JakeBucksItem;
import com.jakebuysit.application.port.AccountSummaries.JakeBucksLine;
import com.jakebuysit.application.port.AccountSummaries.OfferItem;
import com.jakebuysit.application.port.AccountSummaries.PayoutItem;
import com.jakebuysit.application.port.InvalidCursor;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.ledger.EntryType;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seller's figures, merged history and Jake Bucks statement, read from rows this test writes. */
class JdbiAccountSummariesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123456Z");

    private static TestDatabase db;
    private static Jdbi jdbi;
    private static AccountFixtures fixtures;
    private static AccountSummaries summaries;

    @BeforeAll
    static void schema() {
        db = TestDatabase.migrated("summaries");
        jdbi = db.jdbi();
        fixtures = new AccountFixtures(jdbi);
        summaries = new JdbiAccountSummaries(jdbi);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void historyMergesTheThreeKindsNewestFirstAndPagesWithoutGapOrOverlap() {
        User seller = seller("history");
        User other = seller("history-other");
        List<UUID> expected = new ArrayList<>();
        // Interleaved in time, with three rows of different kinds at the very same instant.
        record Row(UUID id, Instant at) {
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(fixtures.offer(seller.id(), "ready", T0.plusSeconds(1)), T0.plusSeconds(1)));
        rows.add(new Row(fixtures.jakeBucks(seller.id(), "credit", "10.00", "10.00", T0.plusSeconds(2)), T0.plusSeconds(2)));
        rows.add(new Row(fixtures.payout(seller.id(), "stripe", "paid", "25.00", "0.00", T0.plusSeconds(3)), T0.plusSeconds(3)));
        rows.add(new Row(fixtures.offer(seller.id(), "processing", T0.plusSeconds(4)), T0.plusSeconds(4)));
        rows.add(new Row(fixtures.jakeBucks(seller.id(), "bonus", "1.20", "11.20", T0.plusSeconds(4)), T0.plusSeconds(4)));
        rows.add(new Row(fixtures.payout(seller.id(), "jake_bucks", "pending", "10.00", "1.20", T0.plusSeconds(4)),
                T0.plusSeconds(4)));
        rows.add(new Row(fixtures.jakeBucks(seller.id(), "debit", "-5.00", "6.20", T0.plusSeconds(5)), T0.plusSeconds(5)));
        // The offers under the payouts were made an hour earlier; they belong to the history too.
        List<UUID> payoutOffers = jdbi.withHandle(h -> h.createQuery(
                "SELECT offer_id FROM payouts WHERE user_id = :u").bind("u", seller.id().value()).mapTo(UUID.class).list());
        for (UUID offer : payoutOffers) {
            Instant at = jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM offers WHERE id = :id")
                    .bind("id", offer).mapTo(java.time.OffsetDateTime.class).one()).toInstant();
            rows.add(new Row(offer, at));
        }
        fixtures.offer(other.id(), "ready", T0.plusSeconds(3));
        fixtures.jakeBucks(other.id(), "credit", "99.00", "99.00", T0.plusSeconds(3));
        // PostgreSQL orders UUIDs byte by byte, as their lower-case text sorts (not as UUID.compareTo does).
        rows.sort(Comparator.comparing(Row::at).thenComparing(row -> row.id().toString()).reversed());
        rows.forEach(row -> expected.add(row.id()));

        List<HistoryItem> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<HistoryItem> page = summaries.history(seller.id(), cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 20);

        assertThat(seen).extracting(HistoryItem::id).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);
        assertThat(seen).hasOnlyElementsOfTypes(OfferItem.class, PayoutItem.class, JakeBucksItem.class);
        assertThat(seen.stream().filter(OfferItem.class::isInstance)).hasSize(4);
        assertThat(seen.stream().filter(PayoutItem.class::isInstance)).hasSize(2);
        assertThat(seen.stream().filter(JakeBucksItem.class::isInstance)).hasSize(3);
    }

    @Test
    void historyItemsCarryTheSummaryOfTheirKind() {
        User seller = seller("kinds");
        UUID offer = fixtures.offer(seller.id(), "ready", T0, "123.45", "Apple", "iPhone 12");
        UUID payout = fixtures.payout(seller.id(), "jake_bucks", "paid", "50.00", "6.00", T0.plusSeconds(1));
        UUID entry = fixtures.jakeBucks(seller.id(), "credit", "50.00", "50.00", T0.plusSeconds(2));

        List<HistoryItem> items = summaries.history(seller.id(), Optional.empty(), 10).items();

        assertThat(items).hasSize(4);
        JakeBucksItem credit = (JakeBucksItem) items.get(0);
        assertThat(credit.id()).isEqualTo(entry);
        assertThat(credit.entryType()).isEqualTo(EntryType.CREDIT);
        assertThat(credit.amount()).isEqualTo(Money.usd("50.00"));
        assertThat(credit.balanceAfter()).isEqualTo(Money.usd("50.00"));
        assertThat(credit.description()).contains("Entry credit 50.00");
        PayoutItem paid = (PayoutItem) items.get(1);
        assertThat(paid.id()).isEqualTo(payout);
        assertThat(paid.method()).isEqualTo(PayoutMethod.JAKE_BUCKS);
        assertThat(paid.status()).isEqualTo("paid");
        assertThat(paid.amount()).isEqualTo(Money.usd("50.00"));
        assertThat(paid.bonusAmount()).isEqualTo(Money.usd("6.00"));
        OfferItem ready = (OfferItem) items.get(2);
        assertThat(ready.id()).isEqualTo(offer);
        assertThat(ready.createdAt()).isEqualTo(T0);
        assertThat(ready.status()).isEqualTo(OfferStatus.READY);
        assertThat(ready.title()).contains("Apple iPhone 12");
        assertThat(ready.offerAmount()).contains(Money.usd("123.45"));
    }

    @Test
    void anEmptyAccountHasAnEmptyHistory() {
        User seller = seller("empty");
        Page<HistoryItem> page = summaries.history(seller.id(), Optional.empty(), 20);
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void jakeBucksPagesNewestFirstAndOnlyTheOwnersEntries() {
        User seller = seller("ledger");
        User other = seller("ledger-other");
        List<UUID> ids = new ArrayList<>();
        ids.add(fixtures.jakeBucks(seller.id(), "credit", "100.00", "100.00", T0));
        ids.add(fixtures.jakeBucks(seller.id(), "bonus", "12.00", "112.00", T0));
        ids.add(fixtures.jakeBucks(seller.id(), "debit", "-30.00", "82.00", T0.plusSeconds(10)));
        ids.add(fixtures.jakeBucks(seller.id(), "adjustment", "-2.00", "80.00", T0.plusSeconds(20)));
        ids.add(fixtures.jakeBucks(seller.id(), "clawback", "-80.00", "0.00", T0.plusSeconds(30)));
        fixtures.jakeBucks(other.id(), "credit", "5.00", "5.00", T0.plusSeconds(15));
        List<UUID> expected = List.of(ids.get(4), ids.get(3), ids.get(2),
                // The two at T0 tie on time: id decides, descending.
                pgAfter(ids.get(0), ids.get(1)) ? ids.get(0) : ids.get(1),
                pgAfter(ids.get(0), ids.get(1)) ? ids.get(1) : ids.get(0));

        Page<JakeBucksLine> first = summaries.jakeBucks(seller.id(), Optional.empty(), 2);
        Page<JakeBucksLine> second = summaries.jakeBucks(seller.id(), first.nextCursor(), 2);
        Page<JakeBucksLine> third = summaries.jakeBucks(seller.id(), second.nextCursor(), 2);

        List<UUID> seen = new ArrayList<>();
        List.of(first, second, third).forEach(page -> page.items().forEach(line -> seen.add(line.id())));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(third.nextCursor()).isEmpty();
        JakeBucksLine clawback = first.items().get(0);
        assertThat(clawback.type()).isEqualTo(EntryType.CLAWBACK);
        assertThat(clawback.amount()).isEqualTo(Money.usd("-80.00"));
        assertThat(clawback.balanceAfter()).isEqualTo(Money.ZERO);
        assertThat(clawback.referenceType()).contains("offer");
        assertThat(clawback.referenceId()).hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());
        assertThat(clawback.createdAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aCursorThatIsNotOursIsRefused() {
        User seller = seller("cursor");
        assertThatThrownBy(() -> summaries.history(seller.id(), Optional.of("not-a-cursor"), 5))
                .isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> summaries.jakeBucks(seller.id(), Optional.of("!!!"), 5))
                .isInstanceOf(InvalidCursor.class);
    }

    @Test
    void dashboardCountsActiveOffersCompletedSalesAndPaidMoney() {
        User seller = seller("dashboard");
        for (String status : List.of("processing", "escalated", "ready", "accepted", "shipped", "received",
                "verified", "disputed")) {
            fixtures.offer(seller.id(), status, T0);
        }
        for (String status : List.of("declined", "expired", "rejected", "cancelled", "returned")) {
            fixtures.offer(seller.id(), status, T0);
        }
        fixtures.offer(seller.id(), "paid", T0);
        // Each payout brings a paid offer of its own: 1 + 4 completed sales in all.
        fixtures.payout(seller.id(), "stripe", "paid", "10.00", "0.00", T0);
        fixtures.payout(seller.id(), "jake_bucks", "paid", "20.00", "2.40", T0);
        fixtures.payout(seller.id(), "paypal", "pending", "99.00", "0.00", T0);
        fixtures.payout(seller.id(), "stripe", "failed", "77.00", "0.00", T0);
        fixtures.balance(seller.id(), "22.40");
        fixtures.trustScore(seller.id(), 73);
        User other = seller("dashboard-other");
        fixtures.offer(other.id(), "ready", T0);
        fixtures.payout(other.id(), "stripe", "paid", "1000.00", "0.00", T0);

        AccountSummaries.Dashboard figures = summaries.dashboard(seller.id()).orElseThrow();

        assertThat(figures.activeOffers()).isEqualTo(8);
        assertThat(figures.completedSales()).isEqualTo(5);
        assertThat(figures.totalEarned()).isEqualTo(Money.usd("32.40"));
        assertThat(figures.jakeBucksBalance()).isEqualTo(Money.usd("22.40"));
        assertThat(figures.trustScore()).isEqualTo(73);
    }

    @Test
    void aNewAccountHasZeroFiguresAndAnUnknownOneNone() {
        User seller = seller("fresh");
        AccountSummaries.Dashboard figures = summaries.dashboard(seller.id()).orElseThrow();
        assertThat(figures.activeOffers()).isZero();
        assertThat(figures.completedSales()).isZero();
        assertThat(figures.totalEarned()).isEqualTo(Money.ZERO);
        assertThat(figures.trustScore()).isEqualTo(50);
        assertThat(summaries.dashboard(UserId.random())).isEmpty();
    }

    /** PostgreSQL's order of UUIDs: byte by byte, which is the order of their lower-case text. */
    private static boolean pgAfter(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) > 0;
    }

    private static User seller(String name) {
        return fixtures.account(name + "@example.com", Set.of(Role.USER), false);
    }
}
