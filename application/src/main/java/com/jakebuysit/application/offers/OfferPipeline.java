package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.Cache;
import com.jakebuysit.application.port.BackgroundWork;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.ItemIdentifier;
import com.jakebuysit.application.port.JakeVoice;
import com.jakebuysit.application.port.MarketResearch;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.PipelineLeases;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.jake.Familiarity;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.jake.ScriptPlan;
import com.jakebuysit.domain.jake.ScriptTiers;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Item;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.OfferTransition;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.PricingEngine;
import com.jakebuysit.domain.pricing.PricingPath;
import com.jakebuysit.domain.pricing.PricingRequest;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.pricing.SellerStanding;
import com.jakebuysit.domain.rules.BusinessRules;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * identify → market → pricing → voice → ready. Each step stores its result on the offer before
 * the next starts and is skipped when its result is already there, so running the pipeline again
 * (a retry, another instance, a restart) never redoes finished work. One holder at a time runs an
 * offer, by a lease that a dead server's absence lets expire.
 */
public final class OfferPipeline {

    // The JDK's logger keeps the application free of a logging dependency; Dropwizard routes it to its logs.
    private static final System.Logger LOG = System.getLogger(OfferPipeline.class.getName());

    static final Duration PHOTO_URL_LIFETIME = Duration.ofMinutes(15);

    private final Transactor transactor;
    private final Offers offers;
    private final Users users;
    private final AccountSummaries summaries;
    private final AuditLog audit;
    private final ItemIdentifier identifier;
    private final MarketResearch market;
    private final JakeVoice voice;
    private final PhotoStore store;
    private final RulesConfig rules;
    private final OfferEvents events;
    private final Cache cache;
    private final PipelineLeases leases;
    private final BackgroundWork background;
    private final EscalationChannel reviewers;
    private final Retries retries;
    private final Duration lease;
    private final Clock clock;
    private final String holder;
    private final PricingEngine pricing = PricingEngine.standard();

    public OfferPipeline(Transactor transactor, Offers offers, Users users, AccountSummaries summaries, AuditLog audit,
                         ItemIdentifier identifier, MarketResearch market, JakeVoice voice, PhotoStore store,
                         RulesConfig rules, OfferEvents events, Cache cache, PipelineLeases leases, BackgroundWork background,
                         EscalationChannel reviewers, Settings settings, Clock clock, String holder) {
        this.transactor = transactor;
        this.offers = offers;
        this.users = users;
        this.summaries = summaries;
        this.audit = audit;
        this.identifier = identifier;
        this.market = market;
        this.voice = voice;
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.cache = cache;
        this.leases = leases;
        this.background = background;
        this.reviewers = java.util.Objects.requireNonNull(reviewers, "reviewers");
        this.retries = settings.retries();
        this.lease = settings.lease();
        this.clock = clock;
        this.holder = holder;
    }

    /**
     * How often the fallible steps are tried before their fallback, and how long to wait between
     * tries (doubling each time).
     */
    public record Retries(int marketAttempts, int voiceAttempts, Duration firstBackoff) {
        public static Retries standard() {
            return new Retries(3, 2, Duration.ofMillis(200));
        }
    }

    /**
     * @param lease how long one holder keeps an offer; long enough for the slowest step with its
     *     retries (it is renewed between steps), short enough that a dead server's offer resumes soon
     */
    public record Settings(Retries retries, Duration lease) {
        public static Settings standard() {
            return new Settings(Retries.standard(), Duration.ofSeconds(90));
        }
    }

    /** Starts the remaining steps on this instance now, without waiting for the job queue. */
    public void startSoon(OfferId id) {
        background.submit(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                // The durable safety-net job picks the offer up again.
                LOG.log(System.Logger.Level.WARNING, "pipeline of offer " + id + " stopped; the scheduled check will resume it", e);
            }
        });
    }

    /**
     * Runs whatever steps remain. Returns the status the offer is left in, or empty when another
     * holder is running it right now.
     */
    public Optional<OfferStatus> run(OfferId id) {
        if (!leases.acquire(id, holder, lease)) {
            return Optional.empty();
        }
        try {
            // Each pass finishes one step; more passes than steps means a step is not sticking.
            for (int pass = 0; pass <= PipelineStep.values().length + 2; pass++) {
                Offer offer = offers.byId(id).orElseThrow(() -> new IllegalStateException("no offer " + id));
                if (offer.status() != OfferStatus.PROCESSING) {
                    return Optional.of(offer.status());
                }
                if (offer.identification().isEmpty()) {
                    identify(offer);
                } else if (offers.marketFindings(id).isEmpty()) {
                    research(offer);
                } else if (offers.pricing(id).isEmpty()) {
                    price(offer);
                } else if (offer.jake().isEmpty()) {
                    speak(offer);
                } else {
                    finish(offer);
                }
                if (!leases.acquire(id, holder, lease)) {
                    // Our lease ran out and another instance took the offer over: it finishes it.
                    return Optional.empty();
                }
            }
            throw new IllegalStateException("the pipeline of offer " + id + " made no progress");
        } finally {
            leases.release(id, holder);
        }
    }

    // ---- steps --------------------------------------------------------------------------------

    private void identify(Offer offer) {
        List<URI> photoUrls = offer.submission().photoKeys().stream()
                .map(key -> store.url(key, PHOTO_URL_LIFETIME)).toList();
        ItemIdentifier.Identified identified;
        try {
            identified = identifier.identify(new ItemIdentifier.Request(photoUrls, offer.submission().description(),
                    offer.submission().categoryHint(), Optional.of(offer.submission().statedCondition())));
        } catch (RuntimeException e) {
            abortIfInterrupted(e);
            LOG.log(System.Logger.Level.WARNING, "identification of offer " + offer.id() + " failed: " + e.getMessage());
            escalate(offer.id(), PipelineStep.IDENTIFY, "identification failed: a reviewer identifies the item");
            return;
        }
        change(offer.id(), PipelineStep.IDENTIFY, current -> {
            if (current.identification().isPresent()) {
                return current;
            }
            offers.saveIdentifiers(current.id(), identified.identifiers());
            // The seller's stated condition is what we price; the identifier's reading is kept on the item.
            return current.recordIdentification(identified.identification(), clock);
        });
    }

    private void research(Offer offer) {
        Identification identification = offer.identification().orElseThrow();
        Item item = identification.item();
        MarketResearch.Request request = new MarketResearch.Request(item.brand(), item.model(), item.category(),
                offer.submission().statedCondition());
        Offers.MarketFindings findings = attempt(retries.marketAttempts(), () -> market.research(request))
                .map(found -> new Offers.MarketFindings(found.listings(), found.source(), false))
                // No comparables: pricing can't estimate a market value and hands the offer to a reviewer.
                .orElseGet(() -> new Offers.MarketFindings(List.of(), "category-defaults", true));
        step(offer.id(), PipelineStep.MARKET, current -> {
            if (offers.marketFindings(current.id()).isPresent()) {
                return Done.nothing(current);
            }
            offers.saveMarketFindings(current.id(), findings);
            return new Done(current, Map.of("comparables", findings.comparables().size(), "source", findings.source(),
                    "usedCategoryDefaults", findings.usedCategoryDefaults()));
        });
    }

    private void price(Offer offer) {
        PricingDecision decision;
        try {
            decision = decide(offer);
        } catch (RuntimeException e) {
            abortIfInterrupted(e);
            LOG.log(System.Logger.Level.WARNING, "pricing of offer " + offer.id() + " failed", e);
            escalate(offer.id(), PipelineStep.PRICING, "pricing failed: a reviewer prices the item");
            return;
        }
        change(offer.id(), PipelineStep.PRICING, current -> {
            if (offers.pricing(current.id()).isPresent()) {
                return current;
            }
            offers.savePricing(current.id(), decision);
            List<String> reasons = decision.reasons().stream().map(r -> r.rule() + ": " + r.message()).toList();
            Offer priced = decision.quote().map(quote -> current.recordQuote(quote, clock)).orElse(current);
            return switch (decision.path()) {
                case AUTO_PRICE, PRICE_AND_FLAG -> priced;
                case ESCALATE -> priced.escalate(reasons, clock);
                case REFUSE -> priced.reject(String.join("; ", reasons), clock);
            };
        });
    }

    private PricingDecision decide(Offer offer) {
        BusinessRules current = rules.current();
        Identification identification = offer.identification().orElseThrow();
        Offers.MarketFindings findings = offers.marketFindings(offer.id()).orElseThrow();
        Instant now = clock.instant();
        Optional<User> seller = offer.sellerId().flatMap(users::byId);
        SellerStanding standing = seller
                .map(user -> SellerStanding.account(user.createdAt(), user.trustScore()))
                .orElseGet(() -> SellerStanding.anonymous(TrustScore.of(current.trust().initial())));
        Instant startOfDay = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        Money spentToday = offers.acceptedTotalSince(startOfDay);
        return pricing.decide(new PricingRequest(identification.item().category(),
                offer.submission().statedCondition(), identification.confidence(), findings.comparables(), standing,
                spentToday, now), current);
    }

    private void speak(Offer offer) {
        JakeScript jake = composeJake(offer);
        change(offer.id(), PipelineStep.VOICE, current -> current.jake().isPresent() ? current
                : current.recordJake(jake, clock));
    }

    /**
     * Jake's words (and audio, stored, when the voice service gives it) for the offer's current
     * price, with the voice step's retries and text-only fallback; stores nothing on the offer.
     * Also used after a reviewer priced an escalated offer, which the voice step never reached.
     */
    public JakeScript composeJake(Offer offer) {
        Quote quote = offer.quote().orElseThrow();
        int completedSales = offer.sellerId().flatMap(summaries::dashboard)
                .map(dashboard -> (int) dashboard.completedSales()).orElse(0);
        ScriptPlan plan = ScriptTiers.plan(quote.offerToMarketRatio(), Familiarity.fromCompletedSales(completedSales));
        String itemName = itemName(offer);
        JakeVoice.ScriptRequest request = new JakeVoice.ScriptRequest(offer.id().value(), itemName, quote.amount(),
                quote.fmv(), plan);
        return attempt(retries.voiceAttempts(), () -> voiced(offer.id(), request, plan))
                .orElseGet(() -> textOnly(offer.id(), request, plan));
    }

    private JakeScript voiced(OfferId id, JakeVoice.ScriptRequest request, ScriptPlan plan) {
        String script = voice.script(request);
        Optional<JakeVoice.Audio> audio = voice.speak(script, plan);
        if (audio.isEmpty()) {
            return new JakeScript(ScriptPlan.TEXT_ONLY, script, Optional.empty());
        }
        String extension = audio.get().contentType().contains("mpeg") ? "mp3" : "wav";
        String key = "offers/" + id + "/jake." + extension;
        store.put(key, audio.get().content(), audio.get().contentType());
        return new JakeScript(plan.tier(), script, Optional.of(key));
    }

    /** Tier 1: the voice service failed its tries, so Jake's words are shown, not spoken. */
    private JakeScript textOnly(OfferId id, JakeVoice.ScriptRequest request, ScriptPlan plan) {
        ScriptPlan fallback = ScriptTiers.textOnlyFallback(plan);
        try {
            return JakeScript.textOnly(voice.script(new JakeVoice.ScriptRequest(request.offerId(), request.itemName(),
                    request.offerAmount(), request.fmv(), fallback)));
        } catch (RuntimeException e) {
            abortIfInterrupted(e);
            LOG.log(System.Logger.Level.WARNING, "Jake's script for offer " + id + " fell back to the plain line");
            return JakeScript.textOnly("Howdy! Jake can offer you " + request.offerAmount().format() + " for your "
                    + request.itemName() + ".");
        }
    }

    private void finish(Offer offer) {
        BusinessRules current = rules.current();
        change(offer.id(), null, latest -> latest.markReady(current.pricingRules(), clock));
    }

    // ---- plumbing -----------------------------------------------------------------------------

    /**
     * What a step did: the offer after it, and what it stored beside the offer (audited with it).
     * Nothing done when the step's result was already there.
     */
    private record Done(Offer offer, Map<String, Object> stored) {
        static Done nothing(Offer offer) {
            return new Done(offer, Map.of());
        }
    }

    /** One step's result, stored under the offer's row lock, audited and announced. */
    private void step(OfferId id, PipelineStep step, Function<Offer, Done> work) {
        java.util.concurrent.atomic.AtomicReference<Offer> replaced = new java.util.concurrent.atomic.AtomicReference<>();
        Offer saved = transactor.inTransaction(() -> {
            Offer before = offers.lockById(id).orElseThrow(() -> new IllegalStateException("no offer " + id));
            replaced.set(before);
            if (before.status() != OfferStatus.PROCESSING) {
                return before;
            }
            Done done = work.apply(before);
            boolean changed = !done.offer().equals(before);
            if (!changed && done.stored().isEmpty()) {
                return before;
            }
            Offer stored = changed ? offers.update(done.offer()) : before;
            OfferTransition transition = OfferTransition.between(before, stored);
            Map<String, Object> after = new java.util.TreeMap<>(transition.after());
            after.putAll(done.stored());
            audit.record(new AuditLog.AuditEntry("offer", id.toString(),
                    step == null ? "offer." + stored.status().code() : "offer.step." + step.code(),
                    AuditLog.Actor.system(), Map.copyOf(transition.before()), after));
            return stored;
        });
        cache.evict(OfferCacheKeys.of(replaced.get()));
        if (step != null) {
            events.publishCommitted(new OfferEvents.OfferEvent(id.value(), "step", step.code(),
                    saved.status().code(), Map.of()));
        }
        if (step == null || saved.status() != OfferStatus.PROCESSING) {
            events.publishCommitted(new OfferEvents.OfferEvent(id.value(), "status", "", saved.status().code(),
                    Map.of()));
        }
        if (replaced.get().status() == OfferStatus.PROCESSING && saved.status() == OfferStatus.ESCALATED) {
            // Committed: the offer is in the reviewers' queue now; tell them.
            reviewers.escalationOpened(id, EscalationChannel.Kind.ESCALATION, saved.escalation().orElseThrow().reasons());
        }
    }

    /** A step whose whole result is a change of the offer itself. */
    private void change(OfferId id, PipelineStep step, Function<Offer, Offer> change) {
        step(id, step, current -> new Done(change.apply(current), Map.of()));
    }

    private void escalate(OfferId id, PipelineStep step, String reason) {
        change(id, step, current -> current.escalate(List.of(reason), clock));
    }

    private <T> Optional<T> attempt(int attempts, Supplier<T> call) {
        Duration backoff = retries.firstBackoff();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return Optional.of(call.get());
            } catch (RuntimeException e) {
                abortIfInterrupted(e);
                LOG.log(System.Logger.Level.WARNING, "attempt " + attempt + " of " + attempts + " failed: " + e.getMessage());
                if (attempt < attempts) {
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An interrupted step is this instance shutting down, not the provider failing: no fallback is
     * stored, so whoever resumes the offer runs the step properly.
     */
    private static void abortIfInterrupted(RuntimeException e) {
        if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
            throw new IllegalStateException("pipeline interrupted", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    static String itemName(Offer offer) {
        return offer.identification().map(Identification::item).map(item -> {
            String named = String.join(" ", item.brand().orElse(""), item.model().orElse("")).strip();
            if (!named.isEmpty()) {
                return named;
            }
            return item.subcategory().orElse(item.category().displayName().toLowerCase(java.util.Locale.ROOT));
        }).orElse("item");
    }
}
