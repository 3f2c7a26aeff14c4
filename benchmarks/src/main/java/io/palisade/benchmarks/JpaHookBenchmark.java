package io.palisade.benchmarks;

import io.palisade.core.detect.sql.SqlInjectionProtection;
import io.palisade.core.hook.HookTable;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.interceptor.jpa.JpaDelegates;
import io.palisade.interceptor.jpa.JpaHooks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.TypedQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JPA delegate adds to {@code EntityManager.createQuery(String, Class)} on a 300-character
 * JPQL statement.
 *
 * <ul>
 *   <li>{@code constant*}: around a manager that answers at once, so the difference is the delegate's
 *       own cost (target: within 5 ns with nothing attached).</li>
 *   <li>{@code *WithCheck}: the SQL-injection check attached, during a request of 12 inputs, none of
 *       them in the statement (target: 2 µs), or one of them in a string literal, as data.</li>
 *   <li>{@code hibernate*}: around Hibernate ORM 7's own {@code createQuery} (query plan cached), for scale.</li>
 * </ul>
 *
 * Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar JpaHookBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class JpaHookBenchmark {

    /** 300 characters of JPQL with bound parameters: what a clean request runs. */
    static final String JPQL = "select b from Book b where b.title like :title and b.author = :author"
            + " and b.status <> 'withdrawn' and b.region in (1, 2, 3) and b.published between :from and :to"
            + " and b.publisher is not null and lower(b.title) not like '%draft%' and b.id > :after"
            + " order by b.published desc, b.title asc, b.id";
    /** The same length with a search term the request carries, concatenated into a literal. */
    static final String JPQL_WITH_INPUT = JPQL.replace("'%draft%'", "'%Pride and Prejudice%'");

    private final RequestContext requests = new RequestContext();
    private EntityManager constantRaw;
    private EntityManager constantWrapped;
    private EntityManager constantChecked;
    private EntityManagerFactory hibernate;
    private EntityManager hibernateRaw;
    private EntityManager hibernateWrapped;

    @Setup(Level.Trial)
    public void setUp() {
        if (JPQL.length() < 290 || JPQL.length() > 310) {
            throw new IllegalStateException("the statement is " + JPQL.length() + " characters");
        }
        JpaHooks idle = new JpaHooks();
        HookTable.builder().queries(idle.all()).build();
        JpaHooks busy = new JpaHooks();
        HookTable busyTable = HookTable.builder().queries(busy.all()).build();
        busyTable.install(new SqlInjectionProtection(requests, io.palisade.core.config.Mode.BLOCK).callbacks(busyTable));

        constantRaw = new ConstantEntityManager();
        constantWrapped = JpaDelegates.wrap(new ConstantEntityManager(), idle);
        constantChecked = JpaDelegates.wrap(new ConstantEntityManager(), busy);

        RequestRecord record = new RequestRecord("bench", "GET", "/api/books", "127.0.0.1", RequestLimits.DEFAULT);
        record.addInput(InputSource.HEADER, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36");
        record.addInput(InputSource.HEADER, "Accept", "application/json, text/plain, */*");
        record.addInput(InputSource.HEADER, "Accept-Language", "en-GB,en;q=0.9");
        record.addInput(InputSource.HEADER, "Host", "127.0.0.1:8080");
        record.addInput(InputSource.HEADER, "Connection", "keep-alive");
        record.addInput(InputSource.HEADER, "Referer", "http://127.0.0.1:8080/books");
        record.addInput(InputSource.COOKIE, "session", "s-alice-7f3a9c21");
        record.addInput(InputSource.QUERY, "page", "3");
        record.addInput(InputSource.QUERY, "size", "25");
        record.addInput(InputSource.QUERY, "lang", "en");
        record.addInput(InputSource.QUERY, "sort", "title");
        record.addInput(InputSource.QUERY, "q", "Pride and Prejudice");
        requests.begin(record);

        hibernate = new PersistenceConfiguration("bench").provider("org.hibernate.jpa.HibernatePersistenceProvider")
                .managedClass(BenchBook.class)
                .property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:jpa-bench;DB_CLOSE_DELAY=-1")
                .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create")
                .createEntityManagerFactory();
        hibernateRaw = hibernate.createEntityManager();
        hibernateWrapped = JpaDelegates.wrap(hibernate.createEntityManager(), idle);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hibernateRaw.close();
        hibernateWrapped.close();
        hibernate.close();
    }

    @Benchmark
    public TypedQuery<BenchBook> constantRaw() {
        return constantRaw.createQuery(JPQL, BenchBook.class);
    }

    @Benchmark
    public TypedQuery<BenchBook> constantWrapped() {
        return constantWrapped.createQuery(JPQL, BenchBook.class);
    }

    @Benchmark
    public TypedQuery<BenchBook> constantWithCheck() {
        return constantChecked.createQuery(JPQL, BenchBook.class);
    }

    @Benchmark
    public TypedQuery<BenchBook> constantWithCheckInputInStatement() {
        return constantChecked.createQuery(JPQL_WITH_INPUT, BenchBook.class);
    }

    @Benchmark
    public TypedQuery<BenchBook> hibernateRaw() {
        return hibernateRaw.createQuery(JPQL, BenchBook.class);
    }

    @Benchmark
    public TypedQuery<BenchBook> hibernateWrapped() {
        return hibernateWrapped.createQuery(JPQL, BenchBook.class);
    }
}
