package io.palisade.cdi.support;

import io.palisade.cdi.bookstore.BookDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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

    /** See {@link BookDatabases#database}. */
    public static JdbcDataSource database(String name) {
        return BookDatabases.database(name);
    }

    /** See {@link BookDatabases#count}. */
    public static int count(DataSource dataSource) throws SQLException {
        return BookDatabases.count(dataSource);
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
