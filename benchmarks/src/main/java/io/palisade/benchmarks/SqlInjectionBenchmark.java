package io.palisade.benchmarks;

import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.detect.sql.SqlInjection;
import io.palisade.core.detect.sql.SqlInjectionDetector;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SQL-injection check as it runs at a JDBC hook point, with a realistic request: 12 inputs
 * (query parameters, a dozen headers' worth of values).
 *
 * <ul>
 *   <li>{@code parameterised}: no input occurs in the SQL (target ≤ 1 µs).</li>
 *   <li>{@code inputInOneKilobyte}: one input occurs in 1 KB of SQL and is data (target ≤ 10 µs).</li>
 *   <li>{@code injectionInOneKilobyte}: the same with an injection, found and reported.</li>
 *   <li>{@code sixteenKilobyteInput}: a 16 KB input (whole, as the record keeps it) that does not occur
 *       in 1 KB of SQL, and the same input's injection occurring in a 17 KB statement.</li>
 *   <li>{@code twoHundredFiftySixInputs}: 256 inputs (a padded request), none in 1 KB of SQL.</li>
 * </ul>
 *
 * Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar SqlInjectionBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class SqlInjectionBenchmark {

    private String parameterisedSql;
    private String kilobyteSql;
    private String injectedSql;
    private List<RequestInput> inputs;
    private List<RequestInput> attack;
    private List<RequestInput> sixteenKilobytes;
    private List<RequestInput> manyInputs;
    private String longInjectedSql;
    private List<RequestInput> longAttack;

    @Setup
    public void setUp() {
        List<RequestInput> common = new ArrayList<>();
        common.add(new RequestInput(InputSource.HEADER, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", false));
        common.add(new RequestInput(InputSource.HEADER, "Accept", "application/json, text/plain, */*", false));
        common.add(new RequestInput(InputSource.HEADER, "Accept-Language", "en-GB,en;q=0.9", false));
        common.add(new RequestInput(InputSource.HEADER, "Host", "127.0.0.1:8080", false));
        common.add(new RequestInput(InputSource.HEADER, "Connection", "keep-alive", false));
        common.add(new RequestInput(InputSource.HEADER, "Referer", "http://127.0.0.1:8080/books", false));
        common.add(new RequestInput(InputSource.COOKIE, "session", "s-alice-7f3a9c21", false));
        common.add(new RequestInput(InputSource.QUERY, "page", "3", false));
        common.add(new RequestInput(InputSource.QUERY, "size", "25", false));
        common.add(new RequestInput(InputSource.QUERY, "lang", "en", false));
        common.add(new RequestInput(InputSource.QUERY, "sort", "title", false));
        inputs = new ArrayList<>(common);
        inputs.add(new RequestInput(InputSource.QUERY, "q", "Pride and Prejudice", false));
        attack = new ArrayList<>(common);
        attack.add(new RequestInput(InputSource.QUERY, "q", "x' OR 1=1 --", false));

        parameterisedSql = "SELECT b.id, b.title, b.author, b.published FROM books b WHERE b.title LIKE ? ORDER BY b.id";
        StringBuilder padding = new StringBuilder();
        while (padding.length() < 880) {
            padding.append(" AND b.status <> 'withdrawn' AND b.region IN (1, 2, 3)");
        }
        String prefix = "SELECT b.id, b.title, b.author, b.published, b.publisher FROM books b JOIN authors a ON a.id = b.author_id"
                + " WHERE b.title LIKE '%";
        String suffix = "%'" + padding + " ORDER BY b.published DESC";
        kilobyteSql = prefix + "Pride and Prejudice" + suffix;
        injectedSql = prefix + "x' OR 1=1 --" + suffix;

        String long16k = "Pride and Prejudice, ".repeat(16 * 1024 / 21 + 1).substring(0, 16 * 1024);
        sixteenKilobytes = new ArrayList<>(common);
        sixteenKilobytes.add(new RequestInput(InputSource.QUERY, "q", long16k, true));
        String longInjection = "x".repeat(16 * 1024) + "' OR 1=1 --";
        longInjectedSql = prefix + longInjection + suffix;
        longAttack = new ArrayList<>(common);
        longAttack.add(new RequestInput(InputSource.QUERY, "q", longInjection, true));
        manyInputs = new ArrayList<>(common);
        for (int i = 0; manyInputs.size() < 256; i++) {
            manyInputs.add(new RequestInput(InputSource.QUERY, "junk" + i, "value number " + i + " of the padding", false));
        }
    }

    @Benchmark
    public SqlInjection parameterised() {
        return SqlInjectionDetector.find(parameterisedSql, SqlDialect.H2, inputs);
    }

    @Benchmark
    public SqlInjection inputInOneKilobyte() {
        return SqlInjectionDetector.find(kilobyteSql, SqlDialect.H2, inputs);
    }

    @Benchmark
    public SqlInjection injectionInOneKilobyte() {
        return SqlInjectionDetector.find(injectedSql, SqlDialect.H2, attack);
    }

    @Benchmark
    public SqlInjection sixteenKilobyteInputNotInSql() {
        return SqlInjectionDetector.find(kilobyteSql, SqlDialect.H2, sixteenKilobytes);
    }

    @Benchmark
    public SqlInjection sixteenKilobyteInjection() {
        return SqlInjectionDetector.find(longInjectedSql, SqlDialect.H2, longAttack);
    }

    @Benchmark
    public SqlInjection twoHundredFiftySixInputs() {
        return SqlInjectionDetector.find(kilobyteSql, SqlDialect.H2, manyInputs);
    }
}
