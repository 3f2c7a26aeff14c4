package io.palisade.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.ssl.SSLContextConfigurator;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The console on the embedded runtime: Weld SE and Jersey on Grizzly, on {@code CONSOLE_BIND}
 * (127.0.0.1 unless configured), over https when {@code CONSOLE_TLS_KEYSTORE} is set.
 */
public final class ConsoleServer implements AutoCloseable {

    private final Console console;
    private final WeldContainer weld;
    private final HttpServer http;
    private final URI uri;

    private ConsoleServer(Console console, WeldContainer weld, HttpServer http, URI uri) {
        this.console = console;
        this.weld = weld;
        this.http = http;
        this.uri = uri;
    }

    public static ConsoleServer start(ConsoleConfig config) {
        Console console = Console.open(config);
        WeldContainer weld = null;
        HttpServer http = null;
        try {
            Weld builder = new Weld("palisade-console-" + System.nanoTime()).addExtension(new ConsoleBeans(console));
            weld = builder.initialize();
            boolean tls = config.tlsKeystore().isPresent();
            String scheme = tls ? "https" : "http";
            URI bind = URI.create(scheme + "://" + hostForUri(config.bind()) + ":" + config.port() + "/");
            ResourceConfig resources = ResourceConfig.forApplicationClass(ConsoleApplication.class)
                    .property(ConsoleAuth.CONSOLE_PROPERTY, console);
            if (tls) {
                SSLContextConfigurator context = new SSLContextConfigurator();
                context.setKeyStoreFile(config.tlsKeystore().get().toString());
                context.setKeyStorePass(config.tlsPassword().orElse(""));
                context.setKeyStoreType("PKCS12");
                if (!context.validateConfiguration(true)) {
                    throw new IllegalArgumentException("CONSOLE_TLS_KEYSTORE cannot be opened with CONSOLE_TLS_PASSWORD");
                }
                SSLEngineConfigurator engine = new SSLEngineConfigurator(context).setClientMode(false).setNeedClientAuth(false);
                http = GrizzlyHttpServerFactory.createHttpServer(bind, resources, true, engine, false);
            } else {
                http = GrizzlyHttpServerFactory.createHttpServer(bind, resources, false);
            }
            withClientAddress(http);
            http.start();
            int port = http.getListener("grizzly").getPort();
            return new ConsoleServer(console, weld, http, URI.create(scheme + "://" + hostForUri(config.bind()) + ":" + port + "/"));
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.shutdownNow();
            }
            if (weld != null) {
                weld.shutdown();
            }
            console.close();
            if (e instanceof IOException) {
                throw new UncheckedIOException("could not listen on " + config.bind() + ":" + config.port(), (IOException) e);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Puts the socket peer's address into each request, where the JAX-RS filters read it (Jersey's
     * request properties are the Grizzly request's attributes).
     */
    private static void withClientAddress(HttpServer http) {
        ServerConfiguration configuration = http.getServerConfiguration();
        HttpHandler jersey = configuration.getHttpHandlersWithMapping().keySet().iterator().next();
        configuration.removeHttpHandler(jersey);
        configuration.addHttpHandler(new HttpHandler("palisade-console") {
            @Override
            public void service(Request request, Response response) throws Exception {
                request.setAttribute(ConsoleAuth.CLIENT, request.getRemoteAddr());
                jersey.service(request, response);
            }

            @Override
            public void start() {
                jersey.start();
            }

            @Override
            public void destroy() {
                jersey.destroy();
            }
        }, HttpHandlerRegistration.ROOT);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public URI uri() {
        return uri;
    }

    public Console console() {
        return console;
    }

    @Override
    public void close() {
        http.shutdownNow();
        if (weld.isRunning()) {
            weld.shutdown();
        }
        console.close();
    }
}
