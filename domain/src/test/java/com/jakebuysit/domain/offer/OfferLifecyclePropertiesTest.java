package com.jakebuysit.domain.offer;

import static com.jakebuysit.domain.offer.OfferStatus.ACCEPTED;
import static com.jakebuysit.domain.offer.OfferStatus.CANCELLED;
import static com.jakebuysit.domain.offer.OfferStatus.DECLINED;
import static com.jakebuysit.domain.offer.OfferStatus.DISPUTED;
import static com.jakebuysit.domain.offer.OfferStatus.ESCALATED;
import static com.jakebuysit.domain.offer.OfferStatus.EXPIRED;
import static com.jakebuysit.domain.offer.OfferStatus.PAID;
import static com.jakebuysit.domain.offer.OfferStatus.PROCESSING;
import static com.jakebuysit.domain.offer.OfferStatus.READY;
import static com.jakebuysit.domain.offer.OfferStatus.RECEIVED;
import static com.jakebuysit.domain.offer.OfferStatus.REJECTED;
import static com.jakebuysit.domain.offer.OfferStatus.RETURNED;
import static com.jakebuysit.domain.offer.OfferStatus.SHIPPED;
import static com.jakebuysit.domain.offer.OfferStatus.VERIFIED;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.DomainException;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.domain.testing.Property;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences against the offer. The allowed graph is written out here again, by
 * hand from the brief, rather than read from {@link OfferStatus}, so a wrong edge in the code
 * cannot agree with itself.
 */
class OfferLifecyclePropertiesTest {

    private static final BusinessRules RULES = BusinessRules.defaults();

    /** The graph of the brief (plus the documented choices); disputed goes back only where it came from. */
    private static final Map<OfferStatus, Set<OfferStatus>> ALLOWED = Map.ofEntries(
            entry(PROCESSING, Set.of(READY, ESCALATED, REJECTED, CANCELLED)),
            entry(ESCALATED, Set.of(READY, REJECTED, CANCELLED)),
            entry(READY, Set.of(ACCEPTED, DECLINED, EXPIRED)),
            entry(ACCEPTED, Set.of(SHIPPED, CANCELLED, DISPUTED)),
            entry(SHIPPED, Set.of(RECEIVED, DISPUTED)),
            entry(RECEIVED, Set.of(VERIFIED, RETURNED, DISPUTED)),
            entry(VERIFIED, Set.of(PAID, RETURNED, DISPUTED)),
            entry(PAID, Set.of(DISPUTED)),
            entry(RETURNED, Set.of(DISPUTED)),
            entry(DISPUTED, Set.of()),
            entry(DECLINED, Set.of()),
            entry(EXPIRED, Set.of()),
            entry(REJECTED, Set.of()),
            entry(CANCELLED, Set.of()));

    private static final Set<OfferStatus> FINAL = EnumSet.of(DECLINED, EXPIRED, REJECTED, CANCELLED);

    enum Command {
        IDENTIFY, QUOTE, JAKE, MARK_READY, ESCALATE, REJECT, CANCEL, APPROVE, CUSTOM_PRICE, REVIEWER_REJECTS,
        CLAIM, CLAIM_BY_OTHER, ACCEPT, ACCEPT_HELD, DECLINE, EXPIRE, LAPSE_UNSHIPPED, SHIP, RECEIVE, VERIFY, VERIFY_SMALL_CUT,
        VERIFY_BIG_CUT, VERIFY_RAISE, REFUSE_ITEM, APPROVE_REVISION, ACCEPT_REVISION, REJECT_REVISION,
        REQUEST_REGRADE, REGRADE, REGRADE_CUT, LAPSE_REVISION, PAY, DISPUTE, RESOLVE_DISPUTE
    }

    /** The commands a person would plausibly try in each status (the generator leans on these). */
    private static final Map<OfferStatus, List<Command>> LIKELY = Map.ofEntries(
            entry(PROCESSING, List.of(Command.IDENTIFY, Command.QUOTE, Command.JAKE, Command.MARK_READY,
                    Command.ESCALATE, Command.REJECT, Command.CANCEL)),
            entry(ESCALATED, List.of(Command.QUOTE, Command.APPROVE, Command.CUSTOM_PRICE, Command.REVIEWER_REJECTS,
                    Command.CANCEL)),
            entry(READY, List.of(Command.CLAIM, Command.ACCEPT, Command.ACCEPT, Command.ACCEPT_HELD, Command.DECLINE,
                    Command.EXPIRE)),
            entry(ACCEPTED, List.of(Command.SHIP, Command.SHIP, Command.CANCEL, Command.LAPSE_UNSHIPPED,
                    Command.DISPUTE, Command.APPROVE, Command.REVIEWER_REJECTS)),
            entry(SHIPPED, List.of(Command.RECEIVE, Command.RECEIVE, Command.DISPUTE)),
            entry(RECEIVED, List.of(Command.VERIFY, Command.VERIFY_SMALL_CUT, Command.VERIFY_BIG_CUT,
                    Command.REFUSE_ITEM, Command.DISPUTE)),
            entry(VERIFIED, List.of(Command.APPROVE_REVISION, Command.ACCEPT_REVISION, Command.REJECT_REVISION,
                    Command.REQUEST_REGRADE, Command.REGRADE, Command.REGRADE_CUT, Command.LAPSE_REVISION, Command.PAY,
                    Command.PAY, Command.DISPUTE)),
            entry(PAID, List.of(Command.DISPUTE)),
            entry(RETURNED, List.of(Command.DISPUTE)),
            entry(DISPUTED, List.of(Command.RESOLVE_DISPUTE)),
            entry(DECLINED, List.of(Command.values())),
            entry(EXPIRED, List.of(Command.values())),
            entry(REJECTED, List.of(Command.values())),
            entry(CANCELLED, List.of(Command.values())));

    record Step(boolean likely, int pick, Duration pause) {
    }

    private static Gen<Duration> waits() {
        return random -> switch (random.nextInt(10)) {
            case 0 -> Duration.ofDays(10 + random.nextInt(21));
            case 1, 2 -> Duration.ofDays(1 + random.nextInt(9));
            default -> Duration.ofMinutes(random.nextInt(240));
        };
    }

    private static Gen<List<Step>> runs() {
        Gen<Step> step = random -> new Step(random.nextInt(10) < 8, random.nextInt(1000), waits().next(random));
        return Gen.listOf(step, 1, 60);
    }

    @Test
    void noSequenceOfCommandsLeavesTheGraphAndEveryEdgeIsReachable() {
        Set<String> edgesSeen = new HashSet<>();
        Set<String> expected = new HashSet<>();
        ALLOWED.forEach((from, targets) -> targets.forEach(to -> expected.add(from.code() + "→" + to.code())));
        for (OfferStatus back : List.of(ACCEPTED, SHIPPED, RECEIVED, VERIFIED, PAID, RETURNED)) {
            expected.add("disputed→" + back.code());
        }
        // Rare edges (deep in the graph) may need more random runs than one round gives; the
        // invariants are checked on every run, and coverage must be complete within the rounds.
        for (int round = 0; round < 10 && !edgesSeen.containsAll(expected); round++) {
            exploreRandomRuns(edgesSeen);
        }
        assertThat(edgesSeen).as("every edge of the graph is reachable by some command").isEqualTo(expected);
    }

    private void exploreRandomRuns(Set<String> edgesSeen) {
        Property.forAll(400, Gen.pairs(Gen.bools(), runs()), input -> {
            MutableClock clock = new MutableClock(Fixtures.T0);
            Offer offer = Offer.create(OfferId.random(),
                    input.first() ? Optional.of(Fixtures.SELLER) : Optional.empty(), Fixtures.submission(), clock);
            Optional<OfferStatus> disputedFrom = Optional.empty();
            List<String> trail = new ArrayList<>();
            for (Step step : input.second()) {
                clock.advance(step.pause());
                List<Command> pool = step.likely() ? LIKELY.get(offer.status()) : List.of(Command.values());
                Command command = pool.get(step.pick() % pool.size());
                Offer before = offer;
                Offer after;
                try {
                    after = run(command, before, clock);
                } catch (IllegalTransition | IllegalArgumentException e) {
                    trail.add(command + " refused");
                    continue;
                } catch (DomainException e) {
                    assertThat(e.code()).isIn("OFFER_NOT_CLAIMED", "OFFER_CLAIMED");
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError(command + " on " + before.status() + " failed unexpectedly after "
                            + trail, e);
                }
                trail.add(command + " → " + after.status().code());
                OfferStatus from = before.status();
                OfferStatus to = after.status();
                assertThat(FINAL).as("nothing leaves a final status").doesNotContain(from);
                if (from != to) {
                    if (from == DISPUTED) {
                        assertThat(Optional.of(to)).as("a dispute goes back where it came from").isEqualTo(disputedFrom);
                    } else {
                        assertThat(ALLOWED.get(from)).as(from + " → " + to + " after " + trail).contains(to);
                    }
                    if (to == DISPUTED) {
                        disputedFrom = Optional.of(from);
                    }
                    edgesSeen.add(from.code() + "→" + to.code());
                }
                assertThat(after.id()).isEqualTo(before.id());
                assertThat(after.version()).isEqualTo(before.version());
                assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
                OfferTransition transition = OfferTransition.between(before, after);
                assertThat(transition.from()).isEqualTo(from);
                assertThat(transition.to()).isEqualTo(to);
                assertThat(transition.before().containsKey("status")).isEqualTo(from != to);
                offer = after;
            }
        });
    }

    private static Offer run(Command command, Offer offer, MutableClock clock) {
        Money agreed = offer.quote().map(Quote::amount).orElse(Money.usd("100"));
        return switch (command) {
            case IDENTIFY -> offer.recordIdentification(Fixtures.identification(), clock);
            case QUOTE -> offer.recordQuote(Quote.of(Money.usd("120"), Money.usd("250"), new BigDecimal("0.8")), clock);
            case JAKE -> offer.recordJake(JakeScript.textOnly("Howdy, partner"), clock);
            case MARK_READY -> offer.markReady(RULES.pricingRules(), clock);
            case ESCALATE -> offer.escalate(List.of("low confidence"), clock);
            case REJECT -> offer.reject("stock photo", clock);
            case CANCEL -> offer.cancel("changed my mind", clock);
            case APPROVE -> offer.resolveEscalation(new EscalationResolution.Approve(Fixtures.REVIEWER, "ok"),
                    RULES.pricingRules(), clock);
            case CUSTOM_PRICE -> offer.resolveEscalation(
                    new EscalationResolution.CustomPrice(Fixtures.REVIEWER, Money.usd("90"), "by hand"),
                    RULES.pricingRules(), clock);
            case REVIEWER_REJECTS -> offer.resolveEscalation(new EscalationResolution.Reject(Fixtures.REVIEWER, "no"),
                    RULES.pricingRules(), clock);
            case CLAIM -> offer.claim(Fixtures.SELLER, clock);
            case CLAIM_BY_OTHER -> offer.claim(Fixtures.OTHER_SELLER, clock);
            case ACCEPT -> offer.accept(PayoutMethod.STRIPE, Fixtures.address(), clock);
            case ACCEPT_HELD -> offer.acceptHeld(PayoutMethod.JAKE_BUCKS, Fixtures.address(),
                    List.of("limits.daily_spend_cap: over the cap"), clock);
            case DECLINE -> offer.decline(Optional.empty(), clock);
            case EXPIRE -> offer.expire(clock);
            case LAPSE_UNSHIPPED -> offer.lapseUnshipped(RULES.pricingRules(), clock);
            case SHIP -> offer.markShipped(clock);
            case RECEIVE -> offer.markReceived(clock);
            case VERIFY -> offer.verify(Grading.approved(Condition.GOOD), RULES.verification(), clock);
            case VERIFY_SMALL_CUT -> offer.verify(Grading.revised(Condition.GOOD, agreed.times(new BigDecimal("0.9"))),
                    RULES.verification(), clock);
            case VERIFY_BIG_CUT -> offer.verify(Grading.revised(Condition.POOR, agreed.times(new BigDecimal("0.5"))),
                    RULES.verification(), clock);
            case VERIFY_RAISE -> offer.verify(Grading.revised(Condition.NEW, agreed.plus(Money.usd("1"))),
                    RULES.verification(), clock);
            case REFUSE_ITEM -> offer.verify(Grading.refused(Condition.POOR, "counterfeit"), RULES.verification(), clock);
            case APPROVE_REVISION -> offer.approveRevision(Fixtures.REVIEWER, RULES.verification(), clock);
            case ACCEPT_REVISION -> offer.acceptRevision(clock);
            case REJECT_REVISION -> offer.rejectRevision(clock);
            case REQUEST_REGRADE -> offer.requestRegrade(RULES.verification(), clock);
            case REGRADE -> offer.regrade(Grading.approved(Condition.LIKE_NEW), RULES.verification(), clock);
            case REGRADE_CUT -> offer.regrade(Grading.revised(Condition.FAIR, agreed.times(new BigDecimal("0.7"))),
                    RULES.verification(), clock);
            case LAPSE_REVISION -> offer.lapseRevision(clock);
            case PAY -> offer.markPaid(clock);
            case DISPUTE -> offer.dispute("not as agreed", clock);
            case RESOLVE_DISPUTE -> offer.resolveDispute(DisputeOutcome.SELLER_WON, clock);
        };
    }

    @Test
    void everyStatusOfTheEnumIsInTheModel() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(OfferStatus.values());
        for (OfferStatus status : OfferStatus.values()) {
            if (status != DISPUTED) {
                assertThat(status.next()).as(status.code()).isEqualTo(ALLOWED.get(status));
            }
        }
    }
}
