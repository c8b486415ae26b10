package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.jobs.JobRunrServer;
import com.jakebuysit.adapters.in.jobs.OfferLifecycleJobs;
import com.jakebuysit.adapters.in.rest.IdempotentRequests;
import com.jakebuysit.adapters.in.jobs.PipelineJobs;
import com.jakebuysit.adapters.in.jobs.ThreadPoolBackgroundWork;
import com.jakebuysit.adapters.in.rest.errors.OfferExceptionMappers;
import com.jakebuysit.adapters.in.rest.offers.OffersResource;
import com.jakebuysit.adapters.out.images.ImageIoPhotoInspector;
import com.jakebuysit.adapters.out.postgres.JdbiAccountSummaries;
import com.jakebuysit.adapters.out.postgres.JdbiFraudChecks;
import com.jakebuysit.adapters.out.postgres.JdbiOfferPhotos;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.adapters.out.postgres.JdbiPipelineLeases;
import com.jakebuysit.application.offers.AcceptOffer;
import com.jakebuysit.application.offers.DeclineOffer;
import com.jakebuysit.application.offers.DisputeOffer;
import com.jakebuysit.application.offers.ExpireOffers;
import com.jakebuysit.application.offers.LapseUnshippedOffers;
import com.jakebuysit.application.offers.ListOwnOffers;
import com.jakebuysit.application.offers.OfferPipeline;
import com.jakebuysit.application.offers.SubmitOffer;
import com.jakebuysit.application.offers.ViewOffer;
import com.jakebuysit.application.port.BackgroundWork;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.RulesConfig;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.UUID;

/** The offer pipeline: intake, the steps on JobRunr with an immediate start, reads and the live stream. */
final class OffersWiring {

    private OffersWiring() {
    }

    /** What this wiring built that later wirings share: one photo store, one pipeline, one background pool. */
    record Parts(Offers offers, OfferPhotos photos, PhotoStore store, RulesConfig rules, OfferPipeline pipeline,
                 BackgroundWork background, ViewOffer view, EscalationChannel reviewers,
                 ShipmentsWiring.Shipping shipping, IdempotentRequests idempotency) {
    }

    static Parts register(Core core, JobRunrServer jobs, Environment environment) {
        JakeBuysItConfiguration config = core.config();
        Offers offers = new JdbiOffers(core.jdbi());
        OfferPhotos photos = new JdbiOfferPhotos(core.jdbi());
        PhotoStore store = PhotoStoreWiring.build(config, environment, core.clock());
        ProvidersWiring.Providers providers = ProvidersWiring.build(config.getProviders(), core.clock());
        ThreadPoolBackgroundWork background = new ThreadPoolBackgroundWork(config.getJobs().getWorkerCount(), 1000);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                background.close();
            }
        });

        RulesConfig rules = core.rules();
        EscalationChannel reviewers = EscalationsWiring.channel(environment);
        OfferPipeline pipeline = new OfferPipeline(core.transactor(), offers, core.users(),
                new JdbiAccountSummaries(core.jdbi()), core.auditLog(), providers.identifier(),
                providers.research(), providers.voice(), store, rules,
                core.infrastructure().offerEvents(), core.infrastructure().cache(),
                new JdbiPipelineLeases(core.jdbi(), core.clock()), background, reviewers, new OfferPipeline.Settings(OfferPipeline.Retries.standard(),
                        config.getJobs().getPipelineLease().toJavaDuration()),
                core.clock(), "instance-" + UUID.randomUUID());
        PipelineJobs pipelineJobs = new PipelineJobs(jobs.scheduler(), core.clock());
        jobs.register(PipelineJobs.Resume.class, new PipelineJobs.Resume(pipeline));
        jobs.register(PipelineJobs.Sweep.class, new PipelineJobs.Sweep(offers, pipeline, core.clock()));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                pipelineJobs.scheduleSweep(Duration.ofMinutes(1));
            }
        });

        JdbiFraudChecks fraudChecks = new JdbiFraudChecks(core.jdbi(), core.json());
        SubmitOffer submit = new SubmitOffer(core.transactor(), offers, photos, core.users(),
                fraudChecks, core.auditLog(), new ImageIoPhotoInspector(), store,
                rules, core.infrastructure().offerEvents(), pipeline, pipelineJobs, reviewers,
                core.clock(), config.getJobs().getPipelineCheckAfter().toJavaDuration(),
                RateLimitWiring.offerAllowances(core, environment));
        // One carrier for the whole application: the local one voids only labels it issued itself.
        ShipmentsWiring.Shipping shipping = ShipmentsWiring.build(core, store);
        ViewOffer view = new ViewOffer(offers, photos, shipping.shipments());
        IdempotencyWiring.Idempotency idempotency = IdempotencyWiring.build(core, environment);
        OffersResource.Answers answers = new OffersResource.Answers(
                new AcceptOffer(core.transactor(), offers, core.users(), fraudChecks, rules, shipping.issuer(),
                        core.auditLog(), core.infrastructure().offerEvents(), reviewers, core.clock()),
                new DeclineOffer(core.transactor(), offers, core.auditLog(), core.infrastructure().offerEvents(),
                        core.clock()),
                new DisputeOffer(core.transactor(), offers, core.auditLog(), core.infrastructure().offerEvents(),
                        reviewers, core.clock()),
                idempotency.requests());
        environment.jersey().register(new OffersResource(submit, view, new ListOwnOffers(offers), answers, store,
                core.infrastructure().cache(), core.json()));
        scheduleLifecycleJobs(core, jobs, environment, offers, rules, shipping, idempotency);
        environment.jersey().register(new OfferExceptionMappers.InvalidSubmissionMapper());
        environment.jersey().register(new OfferExceptionMappers.PhotoRejectedMapper());
        environment.jersey().register(new OfferExceptionMappers.OfferNotFoundMapper());
        environment.jersey().register(new OfferExceptionMappers.OfferAccessDeniedMapper());
        OfferStreamWiring.register(environment, view, core.infrastructure().offerEvents(), store, core.accessTokens(), core.users(), core.clock());
        return new Parts(offers, photos, store, rules, pipeline, background, view, reviewers, shipping,
                idempotency.requests());
    }

    /** Expiry of unanswered offers, voiding of unscanned labels, pruning of old Idempotency-Keys. */
    private static void scheduleLifecycleJobs(Core core, JobRunrServer jobs, Environment environment, Offers offers,
                                              RulesConfig rules, ShipmentsWiring.Shipping shipping,
                                              IdempotencyWiring.Idempotency idempotency) {
        jobs.register(OfferLifecycleJobs.Expire.class, new OfferLifecycleJobs.Expire(new ExpireOffers(
                core.transactor(), offers, core.auditLog(), core.infrastructure().offerEvents(), core.clock())));
        jobs.register(OfferLifecycleJobs.Lapse.class, new OfferLifecycleJobs.Lapse(new LapseUnshippedOffers(
                core.transactor(), offers, shipping.shipments(), shipping.issuer(), rules, core.auditLog(),
                core.infrastructure().offerEvents(), core.clock())));
        jobs.register(OfferLifecycleJobs.Prune.class, new OfferLifecycleJobs.Prune(idempotency.prune()));
        OfferLifecycleJobs lifecycle = new OfferLifecycleJobs(jobs.scheduler());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                lifecycle.schedule(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));
            }
        });
    }
}
