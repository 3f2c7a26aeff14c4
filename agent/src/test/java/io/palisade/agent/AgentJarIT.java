package io.palisade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the jar users put in WEB-INF/lib, as built by this module's package phase. */
class AgentJarIT {

    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("agent.jar"));
        assertThat(jar).exists();
    }

    private static List<String> entries() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void hasOneExtensionAndOnlyTheJaxRsRegistrationServices() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry services = file.getJarEntry("META-INF/services/jakarta.enterprise.inject.spi.Extension");
            assertThat(services).isNotNull();
            try (InputStream in = file.getInputStream(services)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")))
                        .containsExactly("io.palisade.cdi.PalisadeExtension");
            }
        }
        // Besides the extension: how JAX-RS implementations find Palisade's feature (Jersey, RESTEasy),
        // how the extension finds the reporter, and the thread-context providers that carry the request
        // record onto managed executors (Jakarta Concurrency, MicroProfile Context Propagation).
        assertThat(entries()).filteredOn(e -> e.startsWith("META-INF/services/") && !e.endsWith("/")).containsExactlyInAnyOrder(
                "META-INF/services/jakarta.enterprise.inject.spi.Extension",
                "META-INF/services/io.palisade.core.event.ReporterFactory",
                "META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable",
                "META-INF/services/jakarta.ws.rs.ext.Providers",
                "META-INF/services/jakarta.servlet.ServletContainerInitializer",
                "META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider",
                "META-INF/services/org.eclipse.microprofile.context.spi.ThreadContextProvider");
    }

    @Test
    void hasNoBeansXml() throws IOException {
        assertThat(entries()).noneMatch(e -> e.endsWith("beans.xml"));
    }

    @Test
    void everyClassIsPalisadesOwnOrRelocated() throws IOException {
        List<String> classes = entries().stream().filter(e -> e.endsWith(".class")).toList();
        assertThat(classes).isNotEmpty().allMatch(e -> e.startsWith("io/palisade/"));
        assertThat(classes).contains("io/palisade/cdi/PalisadeExtension.class",
                "io/palisade/interceptor/PalisadeInterceptor.class",
                "io/palisade/core/hook/HookTable.class",
                "io/palisade/shaded/re2j/Pattern.class",
                "io/palisade/shaded/parsson/JsonProviderImpl.class",
                "io/palisade/shaded/mutiny/Multi.class",
                "io/palisade/shaded/jctools/queues/atomic/MpscAtomicArrayQueue.class",
                "io/palisade/reporter/PalisadeReporter.class",
                "io/palisade/jaxrs/PalisadeFeature.class");
        assertThat(entries()).noneMatch(e -> e.startsWith("com/") || e.startsWith("org/") || e.startsWith("jakarta/")
                || e.startsWith("inet/"));
        assertThat(entries()).contains("io/palisade/core/rules/default-pack.json");
        assertThat(entries()).noneMatch(e -> e.equals("META-INF/jandex.idx"));
    }

    @Test
    void carriesTheLicenceAndNoticeOfEveryBundledLibrary() throws IOException {
        assertThat(entries()).contains("META-INF/NOTICE.txt", "META-INF/licenses/Apache-2.0.txt",
                "META-INF/licenses/re2j-LICENSE.txt", "META-INF/licenses/EPL-2.0-OR-GPL-2.0-with-Classpath-exception.md",
                "META-INF/licenses/jakarta.json-api-NOTICE.md", "META-INF/licenses/parsson-NOTICE.md");
        String notice;
        try (JarFile file = new JarFile(jar.toFile());
                InputStream in = file.getInputStream(file.getJarEntry("META-INF/NOTICE.txt"))) {
            notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Every relocated package is named, with a resolved version (no ${...} left by the build).
        List<String> relocated = entries().stream().filter(e -> e.startsWith("io/palisade/shaded/") && e.endsWith(".class"))
                .map(e -> e.substring("io/palisade/shaded/".length(), e.indexOf('/', "io/palisade/shaded/".length())))
                .distinct().toList();
        assertThat(relocated).isNotEmpty().allSatisfy(name -> assertThat(notice).contains("io.palisade.shaded." + name + " "));
        assertThat(notice).doesNotContain("${").containsPattern("\\| \\d+\\.\\d+(\\.\\d+)? \\|");
        for (String text : notice.lines().filter(l -> l.startsWith("| ") && l.contains("licenses/")).toList()) {
            for (String part : text.split("licenses/")) {
                String name = part.split("[ ,|]")[0];
                if (!name.isEmpty() && !part.equals(text.split("licenses/")[0])) {
                    assertThat(entries()).as("licence file named in the NOTICE").contains("META-INF/licenses/" + name);
                }
            }
        }
    }

    @Test
    void relocatedDependenciesWorkFromTheJarAlone() throws Exception {
        // Only the JDK as parent: if a reference to com.google.re2j survived shading, this fails.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> reader = loader.loadClass("io.palisade.core.config.SettingsReader");
            Method read = reader.getMethod("read", Function.class);
            Function<String, String> custom = key -> key.equals("palisade.scrub.key-pattern") ? "(?i)secret" : null;
            Object settings = read.invoke(null, custom);
            assertThat(settings.toString()).contains("mode=BLOCK");
            // The reporter, with relocated Mutiny and JCTools, found the way the extension finds it.
            Class<?> factory = loader.loadClass("io.palisade.core.event.ReporterFactory");
            assertThat(java.util.ServiceLoader.load(factory, loader).findFirst()).get()
                    .extracting(f -> f.getClass().getName()).isEqualTo("io.palisade.reporter.DefaultReporterFactory");
        }
        // A bound to catch a whole library bundled by mistake: today IPAddress (~1 MiB compressed),
        // Mutiny and Parsson are most of the jar.
        assertThat(Files.size(jar)).isLessThan(3L * 1024 * 1024);
    }
}
