package io.palisade.cdi.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Boots real Weld SE containers for the tests. The extension is found through its services file
 * (discovery stays on); the test classpath has no beans.xml, so only the classes a test names are
 * beans. Each container gets its own class loader carrying its own
 * {@code META-INF/microprofile-config.properties}, so MicroProfile Config (SmallRye) reads exactly
 * that test's {@code palisade.*} keys.
 */
public final class Containers {

    private Containers() {
    }

    /** An in-memory H2 database with a {@code books} table of three rows, kept until the JVM exits. */
    public static JdbcDataSource database(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS books");
            statement.execute("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(100))");
            statement.execute("INSERT INTO books VALUES (1, 'Dune'), (2, 'Emma'), (3, 'Ulysses')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return h2;
    }

    public static int count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM books")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Starts Weld with {@code config} as the application's microprofile-config.properties. */
    public static WeldContainer start(Map<String, String> config, Map<String, DataSource> resources,
            Class<?>... beanClasses) {
        return withConfig(config, () -> {
            Weld weld = new Weld("palisade-test-" + System.nanoTime())
                    .addBeanClasses(beanClasses)
                    .addServices(new TestResources(resources));
            return weld.initialize();
        });
    }

    /** Runs {@code action} with a context class loader whose microprofile-config.properties holds {@code config}. */
    public static <T> T withConfig(Map<String, String> config, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Path dir = Files.createTempDirectory("palisade-config");
            Path file = dir.resolve("META-INF/microprofile-config.properties");
            Files.createDirectories(file.getParent());
            Properties properties = new Properties();
            properties.putAll(config);
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, null);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous);
            thread.setContextClassLoader(loader);
            try {
                return action.get();
            } finally {
                ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig(loader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
