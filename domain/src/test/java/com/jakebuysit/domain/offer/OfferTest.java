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
import static com.jakebuysit.domain.testing.OfferBuilder.anOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.DomainException;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.rules.VerificationRules;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfferTest {

    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final PricingRules PRICING = RULES.pricingRules();
    private static final VerificationRules VERIFICATION = RULES.verification();

    private final MutableClock clock = new MutableClock(Fixtures.T0);

    private Offer in(OfferStatus status) {
        return anOffer().inStatus(status).on(clock).build();
    }

    @Nested
    class Pipeline {
        @Test
        void aNewOfferIsProcessing() {
            Offer offer = Offer.create(OfferId.random(), Optional.empty(), Fixtures.submission(), clock);
            assertThat(offer.status()).isEqualTo(PROCESSING);
            assertThat(offer.version()).isZero();
            assertThat(offer.createdAt()).isEqualTo(Fixtures.T0).isEqualTo(offer.updatedAt());
            assertThat(offer.escalated()).isFalse();
        }

        @Test
        void stepResultsAreStoredSoARetriedStepCanSeeThem() {
            Offer offer = in(PROCESSING).recordIdentification(Fixtures.identification(), clock)
                    .recordQuote(Quote.of(Money.usd("48"), Money.usd("100"), new BigDecimal("0.9")), clock)
                    .recordJake(JakeScript.textOnly("Howdy, partner!"), clock);
            assertThat(offer.status()).isEqualTo(PROCESSING);
            assertThat(offer.identification()).isPresent();
            assertThat(offer.quote().orElseThrow().amount()).isEqualTo(Money.usd("48"));
            assertThat(offer.jake()).isPresent();
        }

        @Test
        void readyNeedsAPriceAndLastsSevenDays() {
            assertThatThrownBy(() -> in(PROCESSING).markReady(PRICING, clock)).isInstanceOf(IllegalTransition.class)
                    .hasMessage("cannot present an offer that is processing (processing → ready): it has no price yet");
            Offer ready = in(READY);
            assertThat(ready.expiresAt()).contains(ready.updatedAt().plus(Duration.ofDays(7)));
        }

        @Test
        void aRejectedOfferIsClosedWithItsReason() {
            Offer rejected = in(PROCESSING).reject("stock photo", clock);
            assertThat(rejected.status()).isEqualTo(REJECTED);
            assertThat(rejected.closure().orElseThrow().reason()).contains("stock photo");
        }

        @Test
        void jakeCanBeRecordedUntilTheOfferIsAccepted() {
            assertThat(in(READY).recordJake(JakeScript.textOnly("Howdy"), clock).jake()).isPresent();
            assertThatThrownBy(() -> in(ACCEPTED).recordJake(JakeScript.textOnly("Howdy"), clock))
                    .isInstanceOf(IllegalTransition.class);
        }
    }

    @Nested
    class Escalation {
        private Offer escalatedWithQuote() {
            return in(PROCESSING).recordQuote(Quote.of(Money.usd("600"), Money.usd("1000"), new BigDecimal("0.9")),
                    clock).escalate(List.of("offer above $500"), clock);
        }

        @Test
        void approvingShowsTheProposedPrice() {
            clock.advance(Duration.ofHours(3));
            Offer ready = escalatedWithQuote().resolveEscalation(
                    new EscalationResolution.Approve(Fixtures.REVIEWER, "looks right"), PRICING, clock);
            assertThat(ready.status()).isEqualTo(READY);
            assertThat(ready.quote().orElseThrow().amount()).isEqualTo(Money.usd("600"));
            assertThat(ready.expiresAt()).contains(clock.instant().plus(Duration.ofDays(7)));
            assertThat(ready.escalated()).isTrue();
            assertThat(ready.escalation().orElseThrow().resolution().orElseThrow().action())
                    .isEqualTo(EscalationAction.APPROVE);
        }

        @Test
        void aCustomPriceReplacesTheAmountAndKeepsTheMarketValue() {
            Offer ready = escalatedWithQuote().resolveEscalation(
                    new EscalationResolution.CustomPrice(Fixtures.REVIEWER, Money.usd("550"), "scratched"), PRICING,
                    clock);
            assertThat(ready.quote().orElseThrow().amount()).isEqualTo(Money.usd("550"));
            assertThat(ready.quote().orElseThrow().offerToMarketRatio()).contains(new BigDecimal("0.5500"));
        }

        @Test
        void withoutAProposedPriceOnlyACustomPriceOrRejectWork() {
            Offer escalated = in(ESCALATED);
            assertThatThrownBy(() -> escalated.resolveEscalation(
                    new EscalationResolution.Approve(Fixtures.REVIEWER, "ok"), PRICING, clock))
                    .isInstanceOf(IllegalTransition.class).hasMessageContaining("no proposed price");
            Offer custom = escalated.resolveEscalation(
                    new EscalationResolution.CustomPrice(Fixtures.REVIEWER, Money.usd("40"), "priced by hand"),
                    PRICING, clock);
            assertThat(custom.quote().orElseThrow().fmv()).isEmpty();
            Offer rejected = escalated.resolveEscalation(
                    new EscalationResolution.Reject(Fixtures.REVIEWER, "counterfeit"), PRICING, clock);
            assertThat(rejected.status()).isEqualTo(REJECTED);
            assertThat(rejected.closure().orElseThrow().reason()).contains("counterfeit");
        }

        @Test
        void onlyEscalatedOffersCanBeResolved() {
            assertThatThrownBy(() -> in(READY).resolveEscalation(
                    new EscalationResolution.Reject(Fixtures.REVIEWER, "no"), PRICING, clock))
                    .isInstanceOf(IllegalTransition.class)
                    .hasMessage("cannot resolve (reject) an offer that is ready (ready → rejected)");
        }
    }

    @Nested
    class SellersAnswer {
        @Test
        void acceptingRecordsHowAndWhereAndWhen() {
            Offer ready = in(READY);
            clock.advance(Duration.ofHours(1));
            Offer accepted = ready.accept(PayoutMethod.JAKE_BUCKS, Fixtures.address(), clock);
            assertThat(accepted.status()).isEqualTo(ACCEPTED);
            assertThat(accepted.acceptance().orElseThrow().payoutMethod()).isEqualTo(PayoutMethod.JAKE_BUCKS);
            assertThat(accepted.acceptedAt()).contains(clock.instant());
            assertThat(accepted.version()).isEqualTo(ready.version());
        }

        @Test
        void acceptingAtOrAfterExpiryFails() {
            Offer ready = in(READY);
            Instant expiresAt = ready.expiresAt().orElseThrow();
            clock.set(expiresAt.minusSeconds(1));
            assertThat(ready.accept(PayoutMethod.STRIPE, Fixtures.address(), clock).status()).isEqualTo(ACCEPTED);
            clock.set(expiresAt);
            assertThatThrownBy(() -> ready.accept(PayoutMethod.STRIPE, Fixtures.address(), clock))
                    .isInstanceOfSatisfying(OfferExpired.class, e -> {
                        assertThat(e.code()).isEqualTo("OFFER_EXPIRED");
                        assertThat(e.from()).isEqualTo(READY);
                        assertThat(e.to()).contains(ACCEPTED);
                        assertThat(e.expiresAt()).isEqualTo(expiresAt);
                    });
        }

        @Test
        void anAcceptanceOverTheSpendCapIsHeldUntilAReviewerApprovesIt() {
            Offer ready = in(READY);
            clock.advance(Duration.ofHours(1));
            Instant heldAt = clock.instant();
            Offer held = ready.acceptHeld(PayoutMethod.STRIPE, Fixtures.address(), List.of("daily spend cap"), clock);
            assertThat(held.status()).isEqualTo(ACCEPTED);
            assertThat(held.isHeldForReview()).isTrue();
            assertThat(held.escalation().orElseThrow().reasons()).containsExactly("daily spend cap");
            assertThatThrownBy(() -> held.markShipped(clock)).hasMessageContaining("held for review");
            assertThatThrownBy(() -> held.resolveEscalation(
                    new EscalationResolution.CustomPrice(Fixtures.REVIEWER, Money.usd("10"), "cheaper"),
                    RULES.pricingRules(), clock)).isInstanceOf(IllegalTransition.class);

            clock.advance(Duration.ofHours(5));
            Offer approved = held.resolveEscalation(new EscalationResolution.Approve(Fixtures.REVIEWER, "fine"),
                    RULES.pricingRules(), clock);
            assertThat(approved.status()).isEqualTo(ACCEPTED);
            assertThat(approved.isHeldForReview()).isFalse();
            assertThat(approved.acceptedAt()).as("the price lock starts at the approval").contains(clock.instant())
                    .isNotEqualTo(Optional.of(heldAt));
            assertThat(approved.acceptance().orElseThrow().payoutMethod()).isEqualTo(PayoutMethod.STRIPE);
            assertThat(approved.markShipped(clock).status()).isEqualTo(SHIPPED);
            assertThatThrownBy(() -> approved.resolveEscalation(
                    new EscalationResolution.Approve(Fixtures.REVIEWER, "again"), RULES.pricingRules(), clock))
                    .isInstanceOf(IllegalTransition.class);
        }

        @Test
        void aReviewerRejectingAHeldAcceptanceCancelsIt() {
            Offer held = in(READY).acceptHeld(PayoutMethod.PAYPAL, Fixtures.address(), List.of("cap"), clock);
            Offer rejected = held.resolveEscalation(new EscalationResolution.Reject(Fixtures.REVIEWER, "over budget"),
                    RULES.pricingRules(), clock);
            assertThat(rejected.status()).isEqualTo(CANCELLED);
            assertThat(rejected.closure().orElseThrow().reason()).contains("over budget");
            assertThat(in(READY).accept(PayoutMethod.PAYPAL, Fixtures.address(), clock).isHeldForReview()).isFalse();
        }

        @Test
        void expiringBeforeTheTimeFails() {
            Offer ready = in(READY);
            assertThatThrownBy(() -> ready.expire(clock)).hasMessageContaining("valid until");
            clock.set(ready.expiresAt().orElseThrow());
            assertThat(ready.expire(clock).status()).isEqualTo(EXPIRED);
        }

        @Test
        void anIllegalTransitionNamesBothStates() {
            Offer declined = in(READY).decline(Optional.of("too low"), clock);
            assertThat(declined.status()).isEqualTo(DECLINED);
            assertThatThrownBy(() -> declined.accept(PayoutMethod.STRIPE, Fixtures.address(), clock))
                    .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                        assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(e.from()).isEqualTo(DECLINED);
                        assertThat(e.action()).isEqualTo("accept");
                        assertThat(e.to()).contains(ACCEPTED);
                        assertThat(e).hasMessage("cannot accept an offer that is declined (declined → accepted)");
                    });
        }

        @Test
        void anAnonymousOfferIsClaimedByTheAccountThatAcceptsIt() {
            Offer anonymous = anOffer().anonymous().inStatus(READY).on(clock).build();
            assertThatThrownBy(() -> anonymous.accept(PayoutMethod.PAYPAL, Fixtures.address(), clock))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo("OFFER_NOT_CLAIMED"));
            Offer claimed = anonymous.claim(Fixtures.SELLER, clock);
            assertThat(claimed.sellerId()).contains(Fixtures.SELLER);
            assertThat(claimed.claim(Fixtures.SELLER, clock)).isSameAs(claimed);
            assertThatThrownBy(() -> claimed.claim(Fixtures.OTHER_SELLER, clock))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("OFFER_CLAIMED"));
            assertThat(claimed.accept(PayoutMethod.PAYPAL, Fixtures.address(), clock).status()).isEqualTo(ACCEPTED);
            assertThatThrownBy(() -> in(ACCEPTED).claim(Fixtures.SELLER, clock)).isInstanceOf(IllegalTransition.class);
        }
    }

    @Nested
    class BeforeShipping {
        @Test
        void theSellerMayCancelBeforeAPriceIsShownOrAfterAcceptingButNotInBetween() {
            assertThat(in(PROCESSING).cancel("changed my mind", clock).status()).isEqualTo(CANCELLED);
            assertThat(in(ESCALATED).cancel("changed my mind", clock).status()).isEqualTo(CANCELLED);
            assertThat(in(ACCEPTED).cancel("changed my mind", clock).status()).isEqualTo(CANCELLED);
            assertThatThrownBy(() -> in(READY).cancel("x", clock)).hasMessageContaining("(ready → cancelled)");
            assertThatThrownBy(() -> in(SHIPPED).cancel("x", clock)).hasMessageContaining("(shipped → cancelled)");
        }

        @Test
        void thePriceHoldsUntilTheFirstScanWhichMustComeWithinTwentyOneDays() {
            Offer accepted = in(ACCEPTED);
            Instant shipBy = accepted.acceptedAt().orElseThrow().plus(Duration.ofDays(21));
            assertThat(accepted.shipBy(PRICING)).contains(shipBy);
            assertThat(accepted.isPriceLocked(shipBy.minusSeconds(1), PRICING)).isTrue();
            assertThat(accepted.isPriceLocked(shipBy, PRICING)).isFalse();
            assertThatThrownBy(() -> accepted.lapseUnshipped(PRICING, clock)).hasMessageContaining("holds until");
            clock.set(shipBy);
            Offer lapsed = accepted.lapseUnshipped(PRICING, clock);
            assertThat(lapsed.status()).isEqualTo(CANCELLED);
            assertThat(lapsed.closure().orElseThrow().reason()).contains("no carrier scan within 21 days");
        }

        @Test
        void theLockEndsAtTheFirstCarrierScan() {
            Offer shipped = in(ACCEPTED).markShipped(clock);
            assertThat(shipped.status()).isEqualTo(SHIPPED);
            assertThat(shipped.shippedAt()).contains(clock.instant());
            assertThat(shipped.isPriceLocked(clock.instant(), PRICING)).isFalse();
            assertThatThrownBy(() -> shipped.markShipped(clock)).isInstanceOf(IllegalTransition.class);
        }
    }

    @Nested
    class Warehouse {
        @Test
        void theHappyPathEndsInPaid() {
            Offer paid = in(PAID);
            assertThat(paid.status()).isEqualTo(PAID);
            assertThat(paid.payableAmount()).contains(Money.usd("120.00"));
            assertThat(paid.paidAt()).isPresent();
        }

        @Test
        void aRefusedItemGoesBack() {
            Offer returned = in(RECEIVED).verify(Grading.refused(Condition.POOR, "not the item pictured"),
                    VERIFICATION, clock);
            assertThat(returned.status()).isEqualTo(RETURNED);
            assertThat(returned.closure().orElseThrow().reason()).contains("not the item pictured");
        }

        @Test
        void aSmallCutGoesStraightToTheSellerWhoHasFourteenDays() {
            Offer verified = in(RECEIVED).verify(Grading.revised(Condition.GOOD, Money.usd("100.00")), VERIFICATION,
                    clock);
            Revision revision = verified.verification().orElseThrow().revision().orElseThrow();
            assertThat(revision.cut()).isEqualByComparingTo("0.1667");
            assertThat(revision.state()).isEqualTo(RevisionState.AWAITING_SELLER);
            assertThat(revision.answerBy()).contains(clock.instant().plus(Duration.ofDays(14)));
            assertThatThrownBy(() -> verified.markPaid(clock)).hasMessageContaining("awaiting_seller");
            Offer accepted = verified.acceptRevision(clock);
            assertThat(accepted.status()).isEqualTo(VERIFIED);
            assertThat(accepted.payableAmount()).contains(Money.usd("100.00"));
            assertThat(accepted.markPaid(clock).status()).isEqualTo(PAID);
        }

        @Test
        void aCutOfMoreThanTwentyPercentNeedsAReviewerFirst() {
            Offer verified = in(RECEIVED).verify(Grading.revised(Condition.FAIR, Money.usd("95.99")), VERIFICATION,
                    clock);
            Revision revision = verified.verification().orElseThrow().revision().orElseThrow();
            assertThat(revision.state()).isEqualTo(RevisionState.AWAITING_REVIEWER);
            assertThat(revision.answerBy()).isEmpty();
            assertThatThrownBy(() -> verified.acceptRevision(clock)).isInstanceOf(IllegalTransition.class);
            clock.advance(Duration.ofDays(2));
            Offer approved = verified.approveRevision(Fixtures.REVIEWER, VERIFICATION, clock);
            Revision shown = approved.verification().orElseThrow().revision().orElseThrow();
            assertThat(shown.state()).isEqualTo(RevisionState.AWAITING_SELLER);
            assertThat(shown.approvedBy()).contains(Fixtures.REVIEWER);
            assertThat(shown.answerBy()).contains(clock.instant().plus(Duration.ofDays(14)));
            // exactly 20% is not "more than 20%"
            Offer twenty = in(RECEIVED).verify(Grading.revised(Condition.GOOD, Money.usd("96.00")), VERIFICATION, clock);
            assertThat(twenty.verification().orElseThrow().revision().orElseThrow().state())
                    .isEqualTo(RevisionState.AWAITING_SELLER);
        }

        @Test
        void rejectingTheRevisionReturnsTheItem() {
            Offer verified = in(RECEIVED).verify(Grading.revised(Condition.GOOD, Money.usd("100")), VERIFICATION, clock);
            Offer returned = verified.rejectRevision(clock);
            assertThat(returned.status()).isEqualTo(RETURNED);
            assertThat(returned.verification().orElseThrow().revision().orElseThrow().state())
                    .isEqualTo(RevisionState.REJECTED);
        }

        @Test
        void noAnswerInFourteenDaysReturnsTheItemNeverAccepts() {
            Offer verified = in(RECEIVED).verify(Grading.revised(Condition.GOOD, Money.usd("100")), VERIFICATION, clock);
            clock.advance(Duration.ofDays(14).minusSeconds(1));
            assertThatThrownBy(() -> verified.lapseRevision(clock)).hasMessageContaining("may answer until");
            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> verified.acceptRevision(clock)).hasMessageContaining("was due by");
            Offer lapsed = verified.lapseRevision(clock);
            assertThat(lapsed.status()).isEqualTo(RETURNED);
            assertThat(lapsed.verification().orElseThrow().revision().orElseThrow().state())
                    .isEqualTo(RevisionState.LAPSED);
        }

        @Test
        void theSellerMayAskOnceForASecondGrader() {
            Offer verified = in(RECEIVED).verify(Grading.revised(Condition.GOOD, Money.usd("100")), VERIFICATION, clock);
            Offer requested = verified.requestRegrade(VERIFICATION, clock);
            assertThat(requested.verification().orElseThrow().revision().orElseThrow().state())
                    .isEqualTo(RevisionState.REGRADE_REQUESTED);
            assertThatThrownBy(() -> requested.lapseRevision(clock.advance(Duration.ofDays(30))))
                    .isInstanceOf(IllegalTransition.class);
            Offer regradedLower = requested.regrade(Grading.revised(Condition.GOOD, Money.usd("110")), VERIFICATION,
                    clock);
            assertThat(regradedLower.verification().orElseThrow().regradesUsed()).isEqualTo(1);
            assertThat(regradedLower.verification().orElseThrow().revision().orElseThrow().revisedAmount())
                    .isEqualTo(Money.usd("110"));
            assertThatThrownBy(() -> regradedLower.requestRegrade(VERIFICATION, clock))
                    .hasMessageContaining("re-grade(s) allowed are used");
            Offer regradedFine = requested.regrade(Grading.approved(Condition.LIKE_NEW), VERIFICATION, clock);
            assertThat(regradedFine.verification().orElseThrow().revision()).isEmpty();
            assertThat(regradedFine.markPaid(clock).payableAmount()).contains(Money.usd("120.00"));
        }

        @Test
        void aRevisionMustLowerTheOffer() {
            Offer received = in(RECEIVED);
            assertThatThrownBy(() -> received.verify(Grading.revised(Condition.GOOD, Money.usd("120.00")), VERIFICATION,
                    clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowers the offer");
        }
    }

    @Nested
    class Disputes {
        @Test
        void aDisputePausesTheOfferAndResolvingPutsItBack() {
            Offer shipped = in(SHIPPED);
            Offer disputed = shipped.dispute("the box arrived empty", clock);
            assertThat(disputed.status()).isEqualTo(DISPUTED);
            assertThat(disputed.dispute().orElseThrow().disputedFrom()).isEqualTo(SHIPPED);
            Offer resolved = disputed.resolveDispute(DisputeOutcome.SELLER_LOST, clock);
            assertThat(resolved.status()).isEqualTo(SHIPPED);
            assertThat(resolved.dispute().orElseThrow().outcome()).contains(DisputeOutcome.SELLER_LOST);
            assertThat(resolved.markReceived(clock).status()).isEqualTo(RECEIVED);
        }

        @Test
        void onlyPostAcceptOffersCanBeDisputed() {
            for (OfferStatus status : List.of(ACCEPTED, SHIPPED, RECEIVED, VERIFIED, PAID, RETURNED)) {
                assertThat(in(status).dispute("x", clock).status()).isEqualTo(DISPUTED);
            }
            for (OfferStatus status : List.of(PROCESSING, READY, ESCALATED, DECLINED, EXPIRED, REJECTED, CANCELLED)) {
                assertThatThrownBy(() -> in(status).dispute("x", clock)).isInstanceOf(IllegalTransition.class)
                        .hasMessageContaining("(" + status.code() + " → disputed)");
            }
            assertThatThrownBy(() -> in(DISPUTED).dispute("again", clock)).isInstanceOf(IllegalTransition.class);
            assertThatThrownBy(() -> in(SHIPPED).resolveDispute(DisputeOutcome.SELLER_WON, clock))
                    .hasMessageContaining("not disputed");
        }
    }

    @Nested
    class Audit {
        @Test
        void aTransitionListsOnlyWhatChanged() {
            Offer ready = in(READY);
            clock.advance(Duration.ofMinutes(5));
            Offer accepted = ready.accept(PayoutMethod.PAYPAL, Fixtures.address(), clock);
            OfferTransition transition = OfferTransition.between(ready, accepted);
            assertThat(transition.from()).isEqualTo(READY);
            assertThat(transition.to()).isEqualTo(ACCEPTED);
            assertThat(transition.statusChanged()).isTrue();
            assertThat(transition.at()).isEqualTo(clock.instant());
            assertThat(transition.before()).containsOnlyKeys("status", "updatedAt").containsEntry("status", "ready");
            assertThat(transition.after()).containsOnlyKeys("status", "updatedAt", "payoutMethod", "address",
                    "acceptedAt").containsEntry("status", "accepted").containsEntry("payoutMethod", "paypal")
                    .containsEntry("acceptedAt", clock.instant().toString());
        }

        @Test
        void aRecordedQuoteShowsTheMoneyAsWireStrings() {
            Offer processing = in(PROCESSING);
            Offer priced = processing.recordQuote(Quote.of(Money.usd("52.8"), Money.usd("110"), new BigDecimal("0.82")),
                    clock);
            OfferTransition transition = OfferTransition.between(processing, priced);
            assertThat(transition.statusChanged()).isFalse();
            assertThat(transition.after()).containsEntry("offerAmount", "52.80").containsEntry("fmv", "110.00")
                    .containsEntry("offerToMarketRatio", "0.4800").containsEntry("fmvConfidence", "0.82");
            assertThatThrownBy(() -> OfferTransition.between(processing, in(PROCESSING)))
                    .hasMessageContaining("not the same offer");
        }

        @Test
        void theRowVersionIsKeptByCommandsAndSetByTheRepository() {
            Offer loaded = in(READY).withVersion(7);
            assertThat(loaded.decline(Optional.empty(), clock).version()).isEqualTo(7);
            assertThat(loaded.withVersion(8).version()).isEqualTo(8);
            assertThatThrownBy(() -> loaded.withVersion(-1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aRowThatContradictsItsStatusIsRefusedOnLoad() {
            Offer processing = in(PROCESSING);
            assertThatThrownBy(() -> new Offer(processing.id(), processing.sellerId(), READY, processing.submission(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), processing.createdAt(), processing.updatedAt(), 0))
                    .hasMessageContaining("an offer that is ready needs a quote and an expiry");
        }
    }
}
