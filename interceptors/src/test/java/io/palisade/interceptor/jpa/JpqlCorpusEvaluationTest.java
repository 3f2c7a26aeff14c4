package io.palisade.interceptor.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.detect.sql.SqlInjectionDetector;
import io.palisade.core.detect.sql.corpus.Corpus;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.TypedQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL-injection corpus through JPQL: every payload embedded in each JPQL context, run by a real
 * provider (Hibernate ORM 6.6) on H2 and on PostgreSQL, with the oracle of the JDBC evaluation: a
 * payload "works" when the provider and the database accept the query and it returns other rows than
 * the same value bound as a parameter (string contexts), or is anything beyond plain numbers and names
 * (numeric, IN and ORDER BY contexts). Every working payload must be flagged by the check in its JPQL
 * dialect. Writes target/sqli-corpus-jpql-&lt;database&gt;.txt.
 *
 * <p>The provider's parser takes up to a second on some payloads (ANTLR's full-context prediction on
 * long invalid input), so {@code mvn verify} runs a fixed sixteenth of the corpus;
 * {@code -Dpalisade.corpus.jpql=full} runs all of it (about twenty minutes on two cores).
 */
class JpqlCorpusEvaluationTest {

    /** One complete literal, maybe named by an alias; in HQL a double-quoted string is a literal too. */
    private static final Pattern ONE_LITERAL = Pattern.compile(
            "\\s*('[^']*+(?:''[^']*+)*+'|\"(?:[^\"\\\\]|\\\\.)*+\")\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*");

    enum Context {
        STRING("select b.id from CorpusBook b where b.title = '<>'", "select b.id from CorpusBook b where b.title = :v"),
        LIKE("select b.id from CorpusBook b where b.title like '%<>%'", "select b.id from CorpusBook b where b.title like :v"),
        NUMERIC("select b.id from CorpusBook b where b.id = <>", null),
        IN_LIST("select b.id from CorpusBook b where b.id in (<>)", null),
        ORDER_BY("select b.id from CorpusBook b order by <>", null);

        final String template;
        final String parameterised;

        Context(String template, String parameterised) {
            this.template = template;
            this.parameterised = parameterised;
        }
    }

    @BeforeAll
    static void quiet() {
        // Most payloads are not valid JPQL: the provider's complaints about them are expected.
        Logger.getLogger("org.hibernate").setLevel(Level.OFF);
    }

    @Test
    void everyWorkingInjectionIsDetectedThroughJpqlOnH2() throws Exception {
        evaluate("h2", "jdbc:h2:mem:jpql-corpus;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void everyWorkingInjectionIsDetectedThroughJpqlOnPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(0)
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            evaluate("postgresql", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
    }

    private static void evaluate(String name, String url, String user, String password) throws Exception {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("corpus", Map.of(
                "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
        try {
            seed(factory);
            List<String> corpus = Corpus.sqlInjections();
            List<String> payloads = sample(corpus);
            Map<Context, int[]> counts = new EnumMap<>(Context.class);
            List<String> missed = new ArrayList<>();
            long started = System.nanoTime();
            for (Context context : Context.values()) {
                // Two at a time: the provider's parser is the cost, and each query has its own manager.
                List<String> working = payloads.parallelStream()
                        .filter(payload -> works(factory, context, payload, context.template.replace("<>", payload)))
                        .toList();
                int detected = 0;
                for (String payload : working) {
                    String jpql = context.template.replace("<>", payload);
                    if (SqlInjectionDetector.find(jpql, SqlDialect.JPQL,
                            List.of(new RequestInput(InputSource.QUERY, "q", payload, false))) != null) {
                        detected++;
                    } else if (missed.size() < 200) {
                        missed.add(context + "\t" + payload);
                    }
                }
                counts.put(context, new int[] {working.size(), detected});
            }
            StringBuilder report = new StringBuilder("SQL injection corpus through JPQL (Hibernate ORM) on " + name + ": "
                    + payloads.size() + " of " + corpus.size() + " distinct payloads"
                    + ("full".equals(System.getProperty("palisade.corpus.jpql")) ? "" : " (every sixteenth)") + "\n");
            report.append(String.format("%-10s %8s %9s %9s%n", "context", "working", "detected", "rate"));
            int working = 0;
            int detected = 0;
            for (Map.Entry<Context, int[]> entry : counts.entrySet()) {
                int[] c = entry.getValue();
                working += c[0];
                detected += c[1];
                report.append(String.format("%-10s %8d %9d %8.2f%%%n", entry.getKey(), c[0], c[1],
                        c[0] == 0 ? 100.0 : 100.0 * c[1] / c[0]));
            }
            report.append(String.format("%-10s %8d %9d %8.2f%%%n", "all", working, detected,
                    working == 0 ? 100.0 : 100.0 * detected / working));
            report.append(String.format("(%d s)%n", (System.nanoTime() - started) / 1_000_000_000L));
            report.append("\nmissed (first 200):\n");
            missed.forEach(m -> report.append(m).append('\n'));
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "sqli-corpus-jpql-" + name + ".txt"), report.toString());
            assertThat(working).as("payloads that work through JPQL on " + name).isGreaterThanOrEqualTo(5);
            assertThat(missed).as(report.toString()).isEmpty();
        } finally {
            factory.close();
        }
    }

    /** The whole corpus with {@code -Dpalisade.corpus.jpql=full}; otherwise every sixteenth payload. */
    private static List<String> sample(List<String> all) {
        if ("full".equals(System.getProperty("palisade.corpus.jpql"))) {
            return all;
        }
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 16) {
            sample.add(all.get(i));
        }
        return sample;
    }

    private static void seed(EntityManagerFactory factory) {
        EntityManager manager = factory.createEntityManager();
        try {
            manager.getTransaction().begin();
            manager.createNativeQuery("INSERT INTO corpus_books (id, title, author) VALUES (1, 'Emma', 'Austen'),"
                    + " (2, 'Dracula', 'Stoker'), (3, 'admin', 'x')").executeUpdate();
            manager.createNativeQuery("INSERT INTO corpus_users (id, username, password) VALUES (1, 'admin', 'secret')")
                    .executeUpdate();
            manager.getTransaction().commit();
        } finally {
            manager.close();
        }
    }

    private static boolean works(EntityManagerFactory factory, Context context, String payload, String jpql) {
        List<Integer> raw = ids(factory, jpql, null);
        if (raw == null) {
            return false;
        }
        switch (context) {
            case STRING:
            case LIKE: {
                String bound = context == Context.LIKE ? "%" + payload + "%" : payload;
                List<Integer> asData = ids(factory, context.parameterised, bound);
                List<Integer> collapsed = ids(factory, context.parameterised, bound.replace("''", "'"));
                return !raw.equals(asData) && !raw.equals(collapsed);
            }
            case NUMERIC:
            case IN_LIST:
                return !Corpus.PLAIN_NUMBERS.matcher(payload).matches();
            default:
                return !Corpus.PLAIN_NAMES.matcher(payload).matches() && !ONE_LITERAL.matcher(payload).matches();
        }
    }

    /** The ids {@code jpql} returns, or {@code null} when the provider or the database refuses it. */
    private static List<Integer> ids(EntityManagerFactory factory, String jpql, String parameter) {
        EntityManager manager = factory.createEntityManager();
        try {
            TypedQuery<Integer> query = manager.createQuery(jpql, Integer.class);
            query.setHint("jakarta.persistence.query.timeout", 2000);
            query.setMaxResults(1000);
            if (parameter != null) {
                query.setParameter("v", parameter);
            }
            return query.getResultList();
        } catch (RuntimeException refused) {
            return null;
        } finally {
            manager.close();
        }
    }
}
