package com.jakebuysit.application.offers;

import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.application.limits.OfferAllowances;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.FraudChecks;
import com.jakebuysit.application.port.JobScheduler;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.PhotoInspector;
import com.jakebuysit.application.port.PhotoInspector.InspectedPhoto;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.fraud.Assessment;
import com.jakebuysit.domain.fraud.ExifFacts;
import com.jakebuysit.domain.fraud.KnownPhoto;
import com.jakebuysit.domain.fraud.OfferScreening;
import com.jakebuysit.domain.fraud.PerceptualHash;
import com.jakebuysit.domain.fraud.Verdict;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.OfferTransition;
import com.jakebuysit.domain.offer.Submission;
import com.jakebuysit.domain.rules.BusinessRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A seller sends photos and a description: the photos are checked and stored, the offer is
 * created in {@code processing} (or routed by the fraud rules), and its pipeline starts at once.
 * Nothing is stored when a photo or the submission is refused.
 */
public final class SubmitOffer {

    private final Transactor transactor;
    private final Offers offers;
    private final OfferPhotos photos;
    private final Users users;
    private final FraudChecks fraudChecks;
    private final AuditLog audit;
    private final PhotoInspector inspector;
    private final PhotoStore store;
    private final RulesConfig rules;
    private final OfferEvents events;
    private final OfferPipeline pipeline;
    private final JobScheduler jobs;
    private final EscalationChannel reviewers;
    private final Clock clock;
    private final Duration checkAfter;
    private final OfferAllowances allowances;

    /** @param checkAfter how long the pipeline may run before the durable job checks it finished */
    public SubmitOffer(Transactor transactor, Offers offers, OfferPhotos photos, Users users, FraudChecks fraudChecks,
                       AuditLog audit, PhotoInspector inspector, PhotoStore store, RulesConfig rules,
                       OfferEvents events, OfferPipeline pipeline, JobScheduler jobs, EscalationChannel reviewers,
                       Clock clock, Duration checkAfter, OfferAllowances allowances) {
        this.transactor = transactor;
        this.offers = offers;
        this.photos = photos;
        this.users = users;
        this.fraudChecks = fraudChecks;
        this.audit = audit;
        this.inspector = inspector;
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.reviewers = java.util.Objects.requireNonNull(reviewers, "reviewers");
        this.clock = clock;
        this.checkAfter = checkAfter;
        this.allowances = java.util.Objects.requireNonNull(allowances, "allowances");
    }

    /**
     * @param seller the signed-in account, empty for an anonymous seller
     * @param clientIp the caller's address (anonymous offers are limited per IP)
     */
    public record Command(Optional<UserId> seller, Optional<String> clientIp, String description,
                          Condition condition, Optional<Category> categoryHint, List<byte[]> photos,
                          AuditLog.Actor actor) {
        public Command {
            photos = List.copyOf(photos);
        }
    }

    /** @param streamToken lets whoever submitted the offer (even anonymously) listen to its progress */
    public record Result(OfferId id, OfferStatus status, String streamToken) {
    }

    /** @throws com.jakebuysit.application.limits.RateLimited when the seller's offer allowance is spent */
    public Result submit(Command command) {
        // Taken before any work, so concurrent submissions never pass it; a refused submission gives it back.
        OfferAllowances.Taken allowance = allowances.take(command.seller(), command.clientIp(),
                rules.current().rateLimits());
        try {
            return intake(command);
        } catch (InvalidSubmission | PhotoInspector.PhotoRejected e) {
            allowance.giveBack();
            throw e;
        }
    }

    private Result intake(Command command) {
        if (command.photos().isEmpty() || command.photos().size() > Submission.MAX_PHOTOS) {
            throw new InvalidSubmission("photos", "an offer needs 1 to " + Submission.MAX_PHOTOS + " photos");
        }
        if (command.description() == null || command.description().isBlank()) {
            throw new InvalidSubmission("description", "a description is required");
        }
        if (command.description().length() > 5000) {
            throw new InvalidSubmission("description", "the description must be at most 5000 characters");
        }
        // Every photo is checked before anything is stored: one bad photo refuses the whole offer.
        List<InspectedPhoto> inspected = command.photos().stream().map(inspector::inspect).toList();

        OfferId id = OfferId.random();
        Instant now = clock.instant();
        List<OfferPhotos.Photo> stored = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try {
            for (int i = 0; i < inspected.size(); i++) {
                InspectedPhoto photo = inspected.get(i);
                String extension = photo.contentType().equals("image/png") ? "png" : "jpg";
                String key = "offers/" + id + "/photo-" + i + "." + extension;
                String thumbnailKey = "offers/" + id + "/photo-" + i + "-thumb.jpg";
                store.put(key, photo.cleaned(), photo.contentType());
                keys.add(key);
                store.put(thumbnailKey, photo.thumbnail(), "image/jpeg");
                keys.add(thumbnailKey);
                stored.add(new OfferPhotos.Photo(i, key, thumbnailKey, photo.contentType(), photo.cleaned().length,
                        photo.width(), photo.height(), photo.perceptualHash(), photo.exif(), now));
            }
            String streamToken = SecretTokens.newToken();
            Offer created = transactor.inTransaction(() -> create(command, id, stored, streamToken, now));
            // Committed: undoing the intake for a lost event (Redis down) would delete a stored offer's photos.
            events.publishCommitted(new OfferEvents.OfferEvent(id.value(), "status", "", created.status().code(),
                    Map.of()));
            if (created.status() == OfferStatus.PROCESSING) {
                jobs.ensurePipelineFinishes(id, checkAfter);
                pipeline.startSoon(id);
            }
            if (created.status() == OfferStatus.ESCALATED) {
                notifyReviewers(created);
            }
            return new Result(id, created.status(), streamToken);
        } catch (RuntimeException e) {
            keys.forEach(store::delete);
            throw e;
        }
    }

    /** The offer is committed and in the reviewers' queue: a failed notification must not undo the intake. */
    private void notifyReviewers(Offer escalated) {
        try {
            reviewers.escalationOpened(escalated.id(), EscalationChannel.Kind.ESCALATION,
                    escalated.escalation().orElseThrow().reasons());
        } catch (RuntimeException e) {
            System.getLogger(SubmitOffer.class.getName()).log(System.Logger.Level.WARNING,
                    "could not tell reviewers about escalated offer " + escalated.id(), e);
        }
    }

    private Offer create(Command command, OfferId id, List<OfferPhotos.Photo> stored, String streamToken,
                         Instant now) {
        BusinessRules current = rules.current();
        Optional<User> seller = command.seller().flatMap(users::byId);
        Submission submission = new Submission(command.description(), command.condition(), command.categoryHint(),
                stored.stream().map(OfferPhotos.Photo::storageKey).toList());
        Offer offer = Offer.create(id, command.seller(), submission, clock);
        offers.insert(offer, new Offers.Origin(command.seller().isEmpty() ? command.clientIp() : Optional.empty(),
                Optional.of(SecretTokens.hash(streamToken))));
        photos.insert(id, stored);

        Assessment screening = OfferScreening.assess(facts(command, seller, id, stored, now, current), current);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("photos", stored.size());
        facts.put("anonymous", command.seller().isEmpty());
        fraudChecks.record(Optional.of(id), command.seller(), "intake", screening, facts);

        Offer routed = offer;
        if (screening.verdict() == Verdict.REJECT) {
            routed = offer.reject(reasonText(screening), clock);
        } else if (screening.verdict() == Verdict.ESCALATE) {
            routed = offer.escalate(screening.reasons().stream().map(r -> r.rule() + ": " + r.message()).toList(),
                    clock);
        }
        Offer saved = routed == offer ? offer : offers.update(routed);
        Map<String, Object> after = new LinkedHashMap<>(OfferTransition.snapshot(saved));
        after.put("fraudVerdict", screening.verdict().code());
        audit.record(new AuditLog.AuditEntry("offer", id.toString(), "offer.submitted", command.actor(), Map.of(),
                after));
        return saved;
    }

    private OfferScreening.Facts facts(Command command, Optional<User> seller, OfferId id,
                                       List<OfferPhotos.Photo> stored, Instant now, BusinessRules current) {
        int lastHour;
        int lastDay;
        if (command.seller().isPresent()) {
            lastHour = offers.countCreatedBySellerSince(command.seller().get(), now.minus(Duration.ofHours(1)));
            lastDay = offers.countCreatedBySellerSince(command.seller().get(), now.minus(Duration.ofDays(1)));
        } else {
            lastHour = 0;
            lastDay = command.clientIp().map(ip -> offers.countCreatedFromIpSince(ip, now.minus(Duration.ofDays(1))))
                    .orElse(0);
        }
        // The seller's own offer was just inserted; the rules count offers started before this one.
        lastHour = Math.max(0, lastHour - 1);
        lastDay = Math.max(0, lastDay - 1);

        int maxDistance = maxHammingDistance(current.fraudSettings().photoSimilarityFlag());
        List<KnownPhoto> known = new ArrayList<>();
        for (OfferPhotos.Photo photo : stored) {
            for (OfferPhotos.SimilarPhoto similar : photos.similarFromOthers(photo.perceptualHash(), maxDistance,
                    command.seller(), id, 20)) {
                String reference = "offer " + similar.offer() + " photo " + (similar.position() + 1);
                known.add(similar.owner().isPresent()
                        ? KnownPhoto.fromOffer(similar.perceptualHash(), similar.owner().get(), reference)
                        // An anonymous offer's photo is still someone else's, never a stock image.
                        : new KnownPhoto(similar.perceptualHash(), Optional.of(ANONYMOUS), reference));
            }
        }
        List<ExifFacts> exif = stored.stream()
                .filter(photo -> photo.exif().capturedAt().isPresent() || photo.exif().software().isPresent())
                .map(photo -> new ExifFacts(
                        photo.exif().capturedAt().map(at -> at.toInstant(photo.exif().captureOffset()
                                .orElse(ZoneOffset.UTC))),
                        photo.exif().captureOffset().isPresent(), now, photo.exif().software()))
                .toList();
        TrustScore trust = seller.map(User::trustScore)
                .orElse(TrustScore.of(current.trust().initial()));
        return new OfferScreening.Facts(command.seller(), lastHour, lastDay,
                stored.stream().map(OfferPhotos.Photo::perceptualHash).toList(), known, exif, trust);
    }

    /** The largest Hamming distance whose similarity (1 - d/64) still reaches {@code threshold}. */
    static int maxHammingDistance(BigDecimal threshold) {
        BigDecimal bits = BigDecimal.valueOf(PerceptualHash.BITS);
        return BigDecimal.ONE.subtract(threshold).multiply(bits).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    private static String reasonText(Assessment assessment) {
        return String.join("; ", assessment.reasons().stream().map(r -> r.message()).toList());
    }

    /** Stands for "some anonymous seller" so the similarity rule never mistakes it for the seller at hand. */
    private static final UserId ANONYMOUS = new UserId(new java.util.UUID(0, 0));
}
