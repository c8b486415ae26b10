package com.jakebuysit.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import com.jakebuysit.adapters.in.jobs.JobRunrServer;
import com.jakebuysit.adapters.in.rest.HealthResource;
import com.jakebuysit.adapters.in.rest.JsonErrorHandler;
import com.jakebuysit.adapters.in.rest.RequestIdFilter;
import com.jakebuysit.adapters.in.rest.ResourceTimingListener;
import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.adapters.in.rest.auth.BearerAuthenticator;
import com.jakebuysit.adapters.in.rest.auth.JsonUnauthorizedHandler;
import com.jakebuysit.adapters.in.rest.auth.RoleAuthorizer;
import com.jakebuysit.adapters.in.rest.errors.ApiExceptionMapper;
import com.jakebuysit.adapters.in.rest.errors.DomainExceptionMapper;
import com.jakebuysit.adapters.in.rest.errors.PortExceptionMappers;
import com.jakebuysit.adapters.in.rest.errors.JsonProcessingExceptionMapper;
import com.jakebuysit.adapters.in.rest.errors.UnhandledExceptionMapper;
import com.jakebuysit.adapters.in.rest.errors.ValidationExceptionMapper;
import com.jakebuysit.adapters.in.rest.errors.WebApplicationExceptionMapper;
import com.jakebuysit.adapters.out.crypto.BcryptPasswordHasher;
import com.jakebuysit.adapters.out.jwt.JwtAccessTokens;
import com.jakebuysit.adapters.out.postgres.JdbiAuditLog;
import com.jakebuysit.adapters.out.postgres.JdbiRulesConfig;
import com.jakebuysit.adapters.out.postgres.JdbiTransactor;
import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.adapters.out.postgres.SlowQueryLogger;
import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.bootstrap.metrics.PrometheusMirror;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.migrations.MigrationsBundle;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.sql.Connection;
import java.time.Clock;
import java.util.EnumSet;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: reads config.yml, builds the adapters, hands them to the use cases. */
public class JakeBuysItApplication extends Application<JakeBuysItConfiguration> {

    /** Under a name of its own on the classpath; each changeset fixes its logical path, so where it is read from never matters. */
    public static final String CHANGELOG = "jakebuysit/migrations/migrations.xml";

    private static final Logger LOG = LoggerFactory.getLogger(JakeBuysItApplication.class);

    public static void main(String[] args) throws Exception {
        new JakeBuysItApplication().run(args);
    }

    @Override
    public String getName() {
        return "jakebuysit";
    }

    private Bootstrap<JakeBuysItConfiguration> bootstrap;

    @Override
    public void initialize(Bootstrap<JakeBuysItConfiguration> bootstrap) {
        this.bootstrap = bootstrap;
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MultiPartBundle());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(JakeBuysItConfiguration configuration) {
                // `db migrate` with no DATABASE_URL migrates the embedded database, like `server` does.
                EmbeddedDatabase.startIfUnconfigured(configuration.getDatabase(), configuration.getEmbeddedDatabase());
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return CHANGELOG;
            }
        });
    }

    @Override
    public void run(JakeBuysItConfiguration config, Environment environment) throws Exception {
        // JVM metrics; the CLI path registers them already, embedded test harnesses do not (guarded, so once).
        bootstrap.registerMetrics();
        EmbeddedDatabase embedded = EmbeddedDatabase.startIfUnconfigured(config.getDatabase(), config.getEmbeddedDatabase());
        if (embedded != null) {
            environment.lifecycle().manage(embedded);
        }

        ManagedDataSource dataSource = config.getDatabase().build(environment.metrics(), "postgresql");
        if (config.isMigrateOnStart()) {
            migrate(dataSource);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), dataSource, "postgresql");
        jdbi.setSqlLogger(new SlowQueryLogger(config.getSlowQueryThreshold().toJavaDuration()));
        // Dropwizard wraps the template engine to prepend statement names, which only SqlObject
        // statements have and which bypasses Jdbi's parsed-SQL cache: the load test saw 6-16% of
        // CPU re-lexing SQL. Same templating rules, parsed once per statement text.
        jdbi.setTemplateEngine(new DefinedAttributeTemplateEngine());

        Clock clock = Clock.systemUTC();
        Infrastructure infrastructure = Infrastructure.build(config.getRedis(), clock, environment);
        LOG.info("cache, rate limits and events: {}", infrastructure.description());

        JobRunrServer jobs = new JobRunrServer(dataSource, config.getJobs().isBackgroundServer(),
                config.getJobs().getWorkerCount(), config.getJobs().getPollInterval().toJavaDuration());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                jobs.start();
            }

            @Override
            public void stop() {
                jobs.close();
            }
        });
        environment.healthChecks().register("jobs", new HealthCheck() {
            @Override
            protected Result check() {
                if (!jobs.processesJobs()) {
                    return Result.healthy("background server disabled on this instance");
                }
                return jobs.isHealthy() ? Result.healthy() : Result.unhealthy("background job server is not running");
            }
        });

        registerWeb(environment);
        environment.jersey().register(new HealthResource(environment.healthChecks()));

        Users users = new JdbiUsers(jdbi);
        AccessTokens accessTokens = new JwtAccessTokens(Keys.jwtSecret(config.getAuth().getJwtSecret()),
                config.getAuth().getIssuer(), config.getAuth().getAudience(),
                config.getAuth().getAccessTokenLifetime().toJavaDuration());
        Core core = new Core(config, clock, environment.getObjectMapper(), jdbi, new JdbiTransactor(jdbi),
                infrastructure, users, new JdbiAuditLog(jdbi, environment.getObjectMapper()), accessTokens,
                new BcryptPasswordHasher(config.getAuth().getBcryptCost()), new JdbiRulesConfig(jdbi));
        registerAuthentication(core, environment);
        RateLimitWiring.register(core, environment);
        AuthWiring.register(core, environment);
        UsersWiring.register(core, environment);
        OffersWiring.Parts offers = OffersWiring.register(core, jobs, environment);
        ShipmentsWiring.register(offers.shipping(), offers.offers(), offers.store(), environment);
        EscalationsWiring.register(core, offers, environment);
    }

    /** Bearer tokens on every resource that asks for {@code @Auth}; roles by {@code @RolesAllowed}. */
    private static void registerAuthentication(Core core, Environment environment) {
        environment.jersey().register(new AuthDynamicFeature(
                new OAuthCredentialAuthFilter.Builder<AuthenticatedUser>()
                        .setAuthenticator(new BearerAuthenticator(core.accessTokens(), core.users(), core.clock()))
                        .setAuthorizer(new RoleAuthorizer())
                        .setPrefix("Bearer")
                        .setRealm("jakebuysit")
                        .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                        .buildAuthFilter()));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(AuthenticatedUser.class));
    }

    private static void registerWeb(Environment environment) {
        JsonErrorHandler errors = new JsonErrorHandler();
        environment.getApplicationContext().setErrorHandler(errors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));
        environment.servlets()
                .addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new JsonProcessingExceptionMapper());
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new DomainExceptionMapper());
        environment.jersey().register(new PortExceptionMappers.ConcurrentUpdateMapper());
        environment.jersey().register(new PortExceptionMappers.InvalidCursorMapper());
        environment.jersey().register(new UnhandledExceptionMapper());
        environment.jersey().register(new ResourceTimingListener(environment.metrics()));

        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(PrometheusMirror.of(environment.metrics())).register(prometheus);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }

    private static void migrate(ManagedDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update("");
            }
        }
    }
}
