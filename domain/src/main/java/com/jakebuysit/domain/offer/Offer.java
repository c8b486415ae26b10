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

import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.DomainException;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.rules.VerificationRules;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The offer aggregate: one seller's item from photos to payment. Immutable: every command returns
 * the next offer or throws {@link IllegalTransition} naming the status it was in and the action
 * tried. Time comes in through a {@link Clock}; the rules a command needs come in as arguments.
 * {@link OfferTransition#between} says what a command changed, for the audit log.
 *
 * <p>{@code version} is the row version the offer was loaded at. Commands keep it; the repository
 * updates {@code WHERE version = ?}, increments it, and hands back {@link #withVersion}.
 *
 * <p>The status graph is on {@link OfferStatus}. The commands, by the status they start from:
 * <ul>
 *   <li>processing: {@link #recordIdentification}, {@link #recordQuote}, {@link #recordJake} (the
 *       pipeline's step results, so a retried step can see its work is done), {@link #markReady},
 *       {@link #escalate}, {@link #reject}, {@link #cancel};
 *   <li>escalated: {@link #resolveEscalation} (approve → ready, custom price → ready, reject →
 *       rejected), {@link #cancel};
 *   <li>ready: {@link #accept} or {@link #acceptHeld} (before {@code expiresAt}), {@link #decline},
 *       {@link #expire} (at or after {@code expiresAt});
 *   <li>accepted: {@link #markShipped} (first carrier scan: the price lock ends here),
 *       {@link #cancel}, {@link #lapseUnshipped} (no scan within {@code firstScanWithinDays}); a held
 *       acceptance: {@link #resolveEscalation} (approve keeps it accepted, reject → cancelled);
 *   <li>shipped: {@link #markReceived}; received: {@link #verify};
 *   <li>verified: {@link #approveRevision}, {@link #acceptRevision}, {@link #rejectRevision},
 *       {@link #requestRegrade}, {@link #regrade}, {@link #lapseRevision}, {@link #markPaid};
 *   <li>any post-accept status: {@link #dispute}; disputed: {@link #resolveDispute}.
 * </ul>
 * An anonymous offer is {@link #claim claimed} by the account that accepts it.
 */
public record Offer(
        OfferId id,
        Optional<UserId> sellerId,
        OfferStatus status,
        Submission submission,
        Optional<Identification> identification,
        Optional<Quote> quote,
        Optional<JakeScript> jake,
        Optional<Escalation> escalation,
        Optional<Instant> expiresAt,
        Optional<Acceptance> acceptance,
        Optional<Instant> shippedAt,
        Optional<Instant> receivedAt,
        Optional<Verification> verification,
        Optional<Instant> paidAt,
        Optional<Dispute> dispute,
        Optional<Closure> closure,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    private static final Set<OfferStatus> ACCEPTED_ONWARD = EnumSet.of(ACCEPTED, SHIPPED, RECEIVED, VERIFIED, PAID);
    private static final Set<OfferStatus> SHIPPED_ONWARD = EnumSet.of(SHIPPED, RECEIVED, VERIFIED, PAID);
    private static final Set<OfferStatus> CLOSED = EnumSet.of(DECLINED, EXPIRED, REJECTED, CANCELLED, RETURNED);

    /** Checks that the parts a status needs are there, so a bad row fails on load, not later. */
    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(jake, "jake");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(shippedAt, "shippedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(closure, "closure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version cannot be negative");
        }
        if (status == READY) {
            need(quote.isPresent() && expiresAt.isPresent(), status, "a quote and an expiry");
        }
        if (status == ESCALATED) {
            need(escalation.isPresent() && escalation.get().resolution().isEmpty(), status, "an open escalation");
        }
        if (ACCEPTED_ONWARD.contains(status) || status == DISPUTED) {
            need(sellerId.isPresent() && quote.isPresent() && acceptance.isPresent(), status,
                    "a seller, a quote and an acceptance");
        }
        if (SHIPPED_ONWARD.contains(status)) {
            need(shippedAt.isPresent(), status, "a first carrier scan");
        }
        if (status == RECEIVED || status == VERIFIED || status == PAID) {
            need(receivedAt.isPresent(), status, "a receipt");
        }
        if (status == VERIFIED || status == PAID) {
            need(verification.isPresent(), status, "a verification");
        }
        if (status == PAID) {
            need(paidAt.isPresent(), status, "a payment time");
        }
        if (status == DISPUTED) {
            need(dispute.isPresent() && dispute.get().isOpen(), status, "an open dispute");
        }
        if (CLOSED.contains(status)) {
            need(closure.isPresent(), status, "a closure");
        }
    }

    /** A new offer in {@code processing}. */
    public static Offer create(OfferId id, Optional<UserId> seller, Submission submission, Clock clock) {
        Instant now = clock.instant();
        return new Offer(id, seller, PROCESSING, submission, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now, 0);
    }

    // ---- pipeline -------------------------------------------------------------------------

    /** The account that accepts an anonymous offer claims it; claiming one's own offer again changes nothing. */
    public Offer claim(UserId user, Clock clock) {
        Objects.requireNonNull(user, "user");
        requireStatus("claim", Optional.empty(), PROCESSING, ESCALATED, READY);
        if (sellerId.isPresent()) {
            if (sellerId.get().equals(user)) {
                return this;
            }
            throw new DomainException("OFFER_CLAIMED", "offer " + id + " belongs to another account");
        }
        return draft(clock).seller(user).build();
    }

    public Offer recordIdentification(Identification result, Clock clock) {
        Objects.requireNonNull(result, "identification");
        requireStatus("record an identification for", Optional.empty(), PROCESSING, ESCALATED);
        return draft(clock).identification(result).build();
    }

    public Offer recordQuote(Quote result, Clock clock) {
        Objects.requireNonNull(result, "quote");
        requireStatus("record a price for", Optional.empty(), PROCESSING, ESCALATED);
        return draft(clock).quote(result).build();
    }

    public Offer recordJake(JakeScript script, Clock clock) {
        Objects.requireNonNull(script, "script");
        requireStatus("record Jake's script for", Optional.empty(), PROCESSING, ESCALATED, READY);
        return draft(clock).jake(script).build();
    }

    /** Shows the priced offer to the seller; it can be accepted for {@code offerValidDays}. */
    public Offer markReady(PricingRules rules, Clock clock) {
        requireStatus("present", Optional.of(READY), PROCESSING);
        if (quote.isEmpty()) {
            throw new IllegalTransition(status, "present", Optional.of(READY), "it has no price yet");
        }
        Instant now = clock.instant();
        return draft(now).status(READY).expiresAt(now.plus(rules.offerValidity())).build();
    }

    public Offer escalate(List<String> reasons, Clock clock) {
        requireStatus("escalate", Optional.of(ESCALATED), PROCESSING);
        Instant now = clock.instant();
        return draft(now).status(ESCALATED).escalation(Escalation.open(reasons, now)).build();
    }

    /** Refuses the offer outright in the pipeline (a fraud rule rejected it, or it is worth less than the floor). */
    public Offer reject(String reason, Clock clock) {
        requireStatus("reject", Optional.of(REJECTED), PROCESSING);
        Instant now = clock.instant();
        return draft(now).status(REJECTED).closure(Closure.because(reason, now)).build();
    }

    /**
     * A reviewer's decision: approve the proposed quote or set a custom price (→ ready, valid for
     * {@code offerValidDays} from now), or reject (→ rejected).
     */
    public Offer resolveEscalation(EscalationResolution resolution, PricingRules rules, Clock clock) {
        Objects.requireNonNull(resolution, "resolution");
        if (isHeldForReview()) {
            return resolveHeldAcceptance(resolution, clock);
        }
        OfferStatus target = resolution instanceof EscalationResolution.Reject ? REJECTED : READY;
        String action = "resolve (" + resolution.action().code() + ")";
        requireStatus(action, Optional.of(target), ESCALATED);
        Instant now = clock.instant();
        Draft next = draft(now).status(target).escalation(escalation.orElseThrow().resolve(resolution, now));
        if (resolution instanceof EscalationResolution.Approve) {
            if (quote.isEmpty()) {
                throw new IllegalTransition(status, action, Optional.of(READY),
                        "there is no proposed price to approve; set a custom price");
            }
            return next.expiresAt(now.plus(rules.offerValidity())).build();
        }
        if (resolution instanceof EscalationResolution.CustomPrice custom) {
            Quote priced = quote.map(q -> q.withAmount(custom.amount()))
                    .orElseGet(() -> new Quote(custom.amount(), Optional.empty(), Optional.empty()));
            return next.quote(priced).expiresAt(now.plus(rules.offerValidity())).build();
        }
        return next.closure(Closure.because(resolution.notes(), now)).build();
    }

    /**
     * A reviewer's decision on a held acceptance: approve keeps it accepted and starts the price
     * lock now (the label is issued now); reject cancels it. The agreed price is not the
     * reviewer's to change, so a custom price is refused.
     */
    private Offer resolveHeldAcceptance(EscalationResolution resolution, Clock clock) {
        String action = "resolve (" + resolution.action().code() + ")";
        Instant now = clock.instant();
        Escalation resolved = escalation.orElseThrow().resolve(resolution, now);
        if (resolution instanceof EscalationResolution.Approve) {
            Acceptance held = acceptance.orElseThrow();
            return draft(now).escalation(resolved)
                    .acceptance(new Acceptance(held.payoutMethod(), held.address(), now)).build();
        }
        if (resolution instanceof EscalationResolution.Reject) {
            requireStatus(action, Optional.of(CANCELLED), ACCEPTED);
            return draft(now).status(CANCELLED).escalation(resolved)
                    .closure(Closure.because(resolution.notes(), now)).build();
        }
        throw new IllegalTransition(status, action, Optional.empty(),
                "a held acceptance is approved or rejected; the agreed price does not change");
    }

    // ---- the seller's answer --------------------------------------------------------------

    /**
     * The seller accepts: the price holds until the first carrier scan.
     *
     * @throws OfferExpired at or after {@code expiresAt}
     * @throws IllegalTransition when the offer is not ready
     * @throws DomainException {@code OFFER_NOT_CLAIMED} when no account owns the offer yet
     */
    public Offer accept(PayoutMethod payoutMethod, Address address, Clock clock) {
        Instant now = clock.instant();
        return accepted(payoutMethod, address, now).build();
    }

    /**
     * The seller accepts, but paying would pass a limit (the daily spend cap): the acceptance is
     * recorded and held for a reviewer, with an open escalation saying why. No label is issued
     * while it is held; {@link #resolveEscalation} approves it (the price lock starts then) or
     * rejects it (→ cancelled). Same checks as {@link #accept}.
     */
    public Offer acceptHeld(PayoutMethod payoutMethod, Address address, List<String> reasons, Clock clock) {
        Instant now = clock.instant();
        return accepted(payoutMethod, address, now).escalation(Escalation.open(reasons, now)).build();
    }

    /** True for an acceptance a reviewer has not yet approved ({@link #acceptHeld}). */
    public boolean isHeldForReview() {
        return status == ACCEPTED && escalation.map(e -> e.resolution().isEmpty()).orElse(false);
    }

    private Draft accepted(PayoutMethod payoutMethod, Address address, Instant now) {
        Objects.requireNonNull(payoutMethod, "payoutMethod");
        Objects.requireNonNull(address, "address");
        requireStatus("accept", Optional.of(ACCEPTED), READY);
        if (!now.isBefore(expiresAt.orElseThrow())) {
            throw new OfferExpired(expiresAt.get(), now);
        }
        if (sellerId.isEmpty()) {
            throw new DomainException("OFFER_NOT_CLAIMED", "an anonymous offer must be claimed by an account first");
        }
        return draft(now).status(ACCEPTED).acceptance(new Acceptance(payoutMethod, address, now));
    }

    public Offer decline(Optional<String> reason, Clock clock) {
        requireStatus("decline", Optional.of(DECLINED), READY);
        Instant now = clock.instant();
        return draft(now).status(DECLINED).closure(new Closure(reason, now)).build();
    }

    /** A ready offer nobody accepted in time. Fails before {@code expiresAt}. */
    public Offer expire(Clock clock) {
        requireStatus("expire", Optional.of(EXPIRED), READY);
        Instant now = clock.instant();
        if (now.isBefore(expiresAt.orElseThrow())) {
            throw new IllegalTransition(status, "expire", Optional.of(EXPIRED),
                    "it is valid until " + expiresAt.get());
        }
        return draft(now).status(EXPIRED).closure(Closure.because("not accepted by " + expiresAt.get(), now)).build();
    }

    /** The seller withdraws before any price is shown, or backs out of an accepted offer before shipping. */
    public Offer cancel(String reason, Clock clock) {
        requireStatus("cancel", Optional.of(CANCELLED), PROCESSING, ESCALATED, ACCEPTED);
        Instant now = clock.instant();
        return draft(now).status(CANCELLED).closure(Closure.because(reason, now)).build();
    }

    /** An accepted offer with no carrier scan within {@code firstScanWithinDays}: the price lock lapsed. */
    public Offer lapseUnshipped(PricingRules rules, Clock clock) {
        requireStatus("lapse", Optional.of(CANCELLED), ACCEPTED);
        Instant now = clock.instant();
        Instant shipBy = shipBy(rules).orElseThrow();
        if (now.isBefore(shipBy)) {
            throw new IllegalTransition(status, "lapse", Optional.of(CANCELLED), "the price holds until " + shipBy);
        }
        return draft(now).status(CANCELLED)
                .closure(Closure.because("no carrier scan within " + rules.firstScanWithinDays() + " days", now))
                .build();
    }

    // ---- shipping and the warehouse -------------------------------------------------------

    /** The first carrier scan. The price lock ends here. */
    public Offer markShipped(Clock clock) {
        requireStatus("ship", Optional.of(SHIPPED), ACCEPTED);
        if (isHeldForReview()) {
            throw new IllegalTransition(status, "ship", Optional.of(SHIPPED), "the acceptance is held for review");
        }
        Instant now = clock.instant();
        return draft(now).status(SHIPPED).shippedAt(now).build();
    }

    public Offer markReceived(Clock clock) {
        requireStatus("receive", Optional.of(RECEIVED), SHIPPED);
        Instant now = clock.instant();
        return draft(now).status(RECEIVED).receivedAt(now).build();
    }

    /**
     * The warehouse grades the item. Refused → returned. A revised (lower) amount is shown to the
     * seller with {@code revisionAnswerDays} to answer, or first to a reviewer when it cuts more than
     * {@code reviewerApprovalCutAbove}.
     */
    public Offer verify(Grading grading, VerificationRules rules, Clock clock) {
        Objects.requireNonNull(grading, "grading");
        OfferStatus target = grading.approved() ? VERIFIED : RETURNED;
        requireStatus("verify", Optional.of(target), RECEIVED);
        return graded(grading, 0, rules, clock.instant());
    }

    /** A reviewer lets a large cut through to the seller, who then has {@code revisionAnswerDays} to answer. */
    public Offer approveRevision(UserId reviewer, VerificationRules rules, Clock clock) {
        Objects.requireNonNull(reviewer, "reviewer");
        Revision revision = requireRevision("approve the revision of", RevisionState.AWAITING_REVIEWER);
        Instant now = clock.instant();
        Revision approved = revision.with(RevisionState.AWAITING_SELLER,
                Optional.of(now.plus(rules.revisionAnswerWithin())), Optional.of(reviewer));
        return draft(now).verification(verification.orElseThrow().withRevision(approved)).build();
    }

    /** The seller takes the revised amount; the payout can go. Fails once the answer deadline has passed. */
    public Offer acceptRevision(Clock clock) {
        Revision revision = requireRevision("accept the revision of", RevisionState.AWAITING_SELLER);
        Instant now = clock.instant();
        requireBeforeDeadline(revision, "accept the revision of", now);
        Revision accepted = revision.with(RevisionState.ACCEPTED, revision.answerBy(), revision.approvedBy());
        return draft(now).verification(verification.orElseThrow().withRevision(accepted)).build();
    }

    /** The seller refuses the revised amount: the item goes back, free and insured. */
    public Offer rejectRevision(Clock clock) {
        Revision revision = requireRevision("reject the revision of", RevisionState.AWAITING_SELLER);
        requireStatus("reject the revision of", Optional.of(RETURNED), VERIFIED);
        Instant now = clock.instant();
        Revision rejected = revision.with(RevisionState.REJECTED, revision.answerBy(), revision.approvedBy());
        return draft(now).status(RETURNED).verification(verification.orElseThrow().withRevision(rejected))
                .closure(Closure.because("the seller rejected the revised offer", now)).build();
    }

    /** The seller asks for a second grader (up to {@code regradesAllowed} times); the answer clock stops. */
    public Offer requestRegrade(VerificationRules rules, Clock clock) {
        Revision revision = requireRevision("ask for a re-grade of", RevisionState.AWAITING_SELLER);
        Instant now = clock.instant();
        requireBeforeDeadline(revision, "ask for a re-grade of", now);
        if (verification.orElseThrow().regradesUsed() >= rules.regradesAllowed()) {
            throw new IllegalTransition(status, "ask for a re-grade of", Optional.empty(),
                    "the " + rules.regradesAllowed() + " re-grade(s) allowed are used");
        }
        Revision requested = revision.with(RevisionState.REGRADE_REQUESTED, Optional.empty(), revision.approvedBy());
        return draft(now).verification(verification.get().withRevision(requested)).build();
    }

    /** The second grader's verdict replaces the first, as {@link #verify} would have made it. */
    public Offer regrade(Grading grading, VerificationRules rules, Clock clock) {
        Objects.requireNonNull(grading, "grading");
        requireRevision("re-grade", RevisionState.REGRADE_REQUESTED);
        OfferStatus target = grading.approved() ? VERIFIED : RETURNED;
        if (target == RETURNED) {
            requireStatus("re-grade", Optional.of(RETURNED), VERIFIED);
        }
        return graded(grading, verification.orElseThrow().regradesUsed() + 1, rules, clock.instant());
    }

    /** No answer to a revision by its deadline: the item goes back, never silently accepted. */
    public Offer lapseRevision(Clock clock) {
        Revision revision = requireRevision("lapse the revision of", RevisionState.AWAITING_SELLER);
        requireStatus("lapse the revision of", Optional.of(RETURNED), VERIFIED);
        Instant now = clock.instant();
        if (now.isBefore(revision.answerBy().orElseThrow())) {
            throw new IllegalTransition(status, "lapse the revision of", Optional.of(RETURNED),
                    "the seller may answer until " + revision.answerBy().get());
        }
        Revision lapsed = revision.with(RevisionState.LAPSED, revision.answerBy(), revision.approvedBy());
        return draft(now).status(RETURNED).verification(verification.orElseThrow().withRevision(lapsed))
                .closure(Closure.because("no answer to the revised offer by " + revision.answerBy().get(), now))
                .build();
    }

    /** The payout left. Not while a revision is unanswered. */
    public Offer markPaid(Clock clock) {
        requireStatus("pay", Optional.of(PAID), VERIFIED);
        Optional<Revision> revision = verification.orElseThrow().revision();
        if (revision.isPresent() && revision.get().state() != RevisionState.ACCEPTED) {
            throw new IllegalTransition(status, "pay", Optional.of(PAID),
                    "the revised offer is " + revision.get().state().code());
        }
        Instant now = clock.instant();
        return draft(now).status(PAID).paidAt(now).build();
    }

    // ---- disputes -------------------------------------------------------------------------

    public Offer dispute(String reason, Clock clock) {
        if (!status.isPostAccept()) {
            throw new IllegalTransition(status, "dispute", Optional.of(DISPUTED), "");
        }
        Instant now = clock.instant();
        return draft(now).status(DISPUTED)
                .dispute(new Dispute(reason, now, status, Optional.empty(), Optional.empty())).build();
    }

    /**
     * Ends the dispute and puts the offer back where it was; the outcome is kept (a lost dispute
     * lowers trust, and may claw back Jake Bucks: those are the ledger's and trust's business).
     */
    public Offer resolveDispute(DisputeOutcome outcome, Clock clock) {
        Objects.requireNonNull(outcome, "outcome");
        if (status != DISPUTED) {
            throw new IllegalTransition(status, "resolve the dispute of", Optional.empty(), "it is not disputed");
        }
        Dispute open = dispute.orElseThrow();
        requireStatus("resolve the dispute of", Optional.of(open.disputedFrom()), DISPUTED);
        Instant now = clock.instant();
        return draft(now).status(open.disputedFrom())
                .dispute(new Dispute(open.reason(), open.openedAt(), open.disputedFrom(), Optional.of(outcome),
                        Optional.of(now)))
                .build();
    }

    // ---- reading --------------------------------------------------------------------------

    /** The same offer at another row version (for the repository after a successful update). */
    public Offer withVersion(long newVersion) {
        return new Offer(id, sellerId, status, submission, identification, quote, jake, escalation, expiresAt,
                acceptance, shippedAt, receivedAt, verification, paidAt, dispute, closure, createdAt, updatedAt,
                newVersion);
    }

    /** True once a reviewer was involved ({@code escalated} on the wire). */
    public boolean escalated() {
        return escalation.isPresent();
    }

    public Optional<Instant> acceptedAt() {
        return acceptance.map(Acceptance::acceptedAt);
    }

    /** The amount to pay: the accepted revision if there is one, otherwise the quote. */
    public Optional<Money> payableAmount() {
        Optional<Revision> revision = verification.flatMap(Verification::revision);
        if (revision.isPresent() && revision.get().state() == RevisionState.ACCEPTED) {
            return Optional.of(revision.get().revisedAmount());
        }
        return quote.map(Quote::amount);
    }

    /** When the first carrier scan is due for an accepted offer ({@code acceptedAt + firstScanWithinDays}). */
    public Optional<Instant> shipBy(PricingRules rules) {
        return acceptedAt().map(at -> at.plus(rules.firstScanWithin()));
    }

    /** True while the accepted price is guaranteed: accepted, not yet scanned, before the ship-by date. */
    public boolean isPriceLocked(Instant at, PricingRules rules) {
        return status == ACCEPTED && at.isBefore(shipBy(rules).orElseThrow());
    }

    // ---- internals ------------------------------------------------------------------------

    private Offer graded(Grading grading, int regradesUsed, VerificationRules rules, Instant now) {
        Optional<Revision> revision = grading.revisedAmount().map(revised -> {
            Money agreed = quote.orElseThrow().amount();
            Revision draft = new Revision(agreed, revised, RevisionState.AWAITING_SELLER,
                    Optional.of(now.plus(rules.revisionAnswerWithin())), Optional.empty());
            boolean needsReviewer = draft.cut().compareTo(rules.reviewerApprovalCutAbove()) > 0;
            return needsReviewer ? draft.with(RevisionState.AWAITING_REVIEWER, Optional.empty(), Optional.empty())
                    : draft;
        });
        Verification result = new Verification(grading, now, revision, regradesUsed);
        if (!grading.approved()) {
            return draft(now).status(RETURNED).verification(result)
                    .closure(new Closure(grading.notes().or(() -> Optional.of("refused at grading")), now)).build();
        }
        return draft(now).status(VERIFIED).verification(result).build();
    }

    private Revision requireRevision(String action, RevisionState expected) {
        Optional<Revision> revision = verification.flatMap(Verification::revision);
        if (status != VERIFIED || revision.isEmpty() || revision.get().state() != expected) {
            throw new IllegalTransition(status, action, Optional.empty(), "no revision is " + expected.code()
                    + revision.map(r -> " (it is " + r.state().code() + ")").orElse(""));
        }
        return revision.get();
    }

    private void requireBeforeDeadline(Revision revision, String action, Instant now) {
        Instant deadline = revision.answerBy().orElseThrow();
        if (!now.isBefore(deadline)) {
            throw new IllegalTransition(status, action, Optional.empty(), "the answer was due by " + deadline);
        }
    }

    private void requireStatus(String action, Optional<OfferStatus> target, OfferStatus... from) {
        boolean allowed = Arrays.asList(from).contains(status) && target.map(status::canMoveTo).orElse(true);
        if (!allowed) {
            throw new IllegalTransition(status, action, target, "");
        }
    }

    private static void need(boolean present, OfferStatus status, String what) {
        if (!present) {
            throw new IllegalArgumentException("an offer that is " + status.code() + " needs " + what);
        }
    }

    private Draft draft(Clock clock) {
        return draft(clock.instant());
    }

    private Draft draft(Instant now) {
        return new Draft(this, now);
    }

    /** A mutable copy for building the next offer in one place. */
    private static final class Draft {
        private final Offer from;
        private Optional<UserId> sellerId;
        private OfferStatus status;
        private Optional<Identification> identification;
        private Optional<Quote> quote;
        private Optional<JakeScript> jake;
        private Optional<Escalation> escalation;
        private Optional<Instant> expiresAt;
        private Optional<Acceptance> acceptance;
        private Optional<Instant> shippedAt;
        private Optional<Instant> receivedAt;
        private Optional<Verification> verification;
        private Optional<Instant> paidAt;
        private Optional<Dispute> dispute;
        private Optional<Closure> closure;
        private final Instant now;

        Draft(Offer from, Instant now) {
            this.from = from;
            this.now = Objects.requireNonNull(now, "now");
            sellerId = from.sellerId;
            status = from.status;
            identification = from.identification;
            quote = from.quote;
            jake = from.jake;
            escalation = from.escalation;
            expiresAt = from.expiresAt;
            acceptance = from.acceptance;
            shippedAt = from.shippedAt;
            receivedAt = from.receivedAt;
            verification = from.verification;
            paidAt = from.paidAt;
            dispute = from.dispute;
            closure = from.closure;
        }

        Draft seller(UserId value) {
            sellerId = Optional.of(value);
            return this;
        }

        Draft status(OfferStatus value) {
            status = value;
            return this;
        }

        Draft identification(Identification value) {
            identification = Optional.of(value);
            return this;
        }

        Draft quote(Quote value) {
            quote = Optional.of(value);
            return this;
        }

        Draft jake(JakeScript value) {
            jake = Optional.of(value);
            return this;
        }

        Draft escalation(Escalation value) {
            escalation = Optional.of(value);
            return this;
        }

        Draft expiresAt(Instant value) {
            expiresAt = Optional.of(value);
            return this;
        }

        Draft acceptance(Acceptance value) {
            acceptance = Optional.of(value);
            return this;
        }

        Draft shippedAt(Instant value) {
            shippedAt = Optional.of(value);
            return this;
        }

        Draft receivedAt(Instant value) {
            receivedAt = Optional.of(value);
            return this;
        }

        Draft verification(Verification value) {
            verification = Optional.of(value);
            return this;
        }

        Draft paidAt(Instant value) {
            paidAt = Optional.of(value);
            return this;
        }

        Draft dispute(Dispute value) {
            dispute = Optional.of(value);
            return this;
        }

        Draft closure(Closure value) {
            closure = Optional.of(value);
            return this;
        }

        Offer build() {
            if (status != from.status && !from.status.canMoveTo(status)) {
                // Every command checks first; this guards the graph against a command that forgot.
                throw new IllegalTransition(from.status, "move", Optional.of(status), "not in the status graph");
            }
            return new Offer(from.id, sellerId, status, from.submission, identification, quote, jake, escalation,
                    expiresAt, acceptance, shippedAt, receivedAt, verification, paidAt, dispute, closure,
                    from.createdAt, now, from.version);
        }
    }
}
