package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.jobs.JobRunrServer;
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
import com.jakebuysit.adapters.out.postgres.JdbiRulesConfig;
import com.jakebuysit.application.offers.ListOwnOffers;
import com.jakebuysit.application.offers.OfferPipeline;
import com.jakebuysit.application.offers.SubmitOffer;
import com.jakebuysit.application.offers.ViewOffer;
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

    static void register(Core core, JobRunrServer jobs, Environment environment) {
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

        RulesConfig rules = new JdbiRulesConfig(core.jdbi());
        OfferPipeline pipeline = new OfferPipeline(core.transactor(), offers, core.users(),
                new JdbiAccountSummaries(core.jdbi()), core.auditLog(), providers.identifier(),
                providers.research(), providers.voice(), store, rules,
                core.infrastructure().offerEvents(), core.infrastructure().cache(),
                new JdbiPipelineLeases(core.jdbi(), core.clock()), background, new OfferPipeline.Settings(OfferPipeline.Retries.standard(),
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

        SubmitOffer submit = new SubmitOffer(core.transactor(), offers, photos, core.users(),
                new JdbiFraudChecks(core.jdbi(), core.json()), core.auditLog(), new ImageIoPhotoInspector(), store,
                rules, core.infrastructure().offerEvents(), pipeline, pipelineJobs,
                core.clock(), config.getJobs().getPipelineCheckAfter().toJavaDuration());
        ViewOffer view = new ViewOffer(offers, photos);
        environment.jersey().register(new OffersResource(submit, view, new ListOwnOffers(offers), store,
                core.infrastructure().cache(), core.json()));
        environment.jersey().register(new OfferExceptionMappers.InvalidSubmissionMapper());
        environment.jersey().register(new OfferExceptionMappers.PhotoRejectedMapper());
        environment.jersey().register(new OfferExceptionMappers.OfferNotFoundMapper());
        environment.jersey().register(new OfferExceptionMappers.OfferAccessDeniedMapper());
        OfferStreamWiring.register(environment, view, core.infrastructure().offerEvents(), store, core.accessTokens(), core.users(), core.clock());
    }
}
