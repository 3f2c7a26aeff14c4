package io.palisade.console;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's parts, assembled once at start and handed to the resources: configuration, database,
 * and the services over it. Holds no state of its own that another instance would need.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Console.class.getName());

    private final ConsoleConfig config;
    private final Database database;
    private final Store store;
    private final Policy policy;
    private final Accounts accounts;
    private final Reports reports;
    private final ScheduledExecutorService housekeeping;
    private final Optional<String> generatedAdminPassword;

    private Console(ConsoleConfig config, Database database) {
        this.config = config;
        this.database = database;
        Sql sql = new Sql(database.dataSource());
        this.store = new Store(sql);
        this.policy = new Policy(sql, config);
        this.accounts = new Accounts(sql);
        this.reports = new Reports(sql);
        this.generatedAdminPassword = accounts.ensureAdmin(config.adminPassword());
        store.ensurePartition(Instant.now());
        store.applyRetention(config.retentionDays(), Instant.now());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "palisade-console-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::housekeep, 1, 60, TimeUnit.MINUTES);
    }

    /** Opens the database (migrating it) and the services. */
    public static Console open(ConsoleConfig config) {
        Database database = Database.open(config);
        try {
            return new Console(config, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void housekeep() {
        try {
            store.ensurePartition(Instant.now());
            store.applyRetention(config.retentionDays(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "console housekeeping failed; it runs again within the hour", e);
        }
    }

    public ConsoleConfig config() {
        return config;
    }

    Store store() {
        return store;
    }

    Policy policy() {
        return policy;
    }

    Accounts accounts() {
        return accounts;
    }

    Reports reports() {
        return reports;
    }

    /** The admin password generated at this first start, to print once. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /** Creates an application and an agent token for it (the demo and tests provision this way). */
    public String provision(String application) {
        Store.Application app = store.application(application).or(() -> store.createApplication(application)).orElseThrow();
        String token = store.createAgentToken(app.id(), "provisioned at start");
        policy.audit("console", app.id(), "agent token created", "provisioned at start");
        return token;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        database.close();
    }
}
