package io.palisade.core.rules;

import io.palisade.core.log.CoreMessages;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * {@code palisade.rules.location}: a file path, or a {@code file:}, {@code http:} or {@code https:}
 * URL. {@link #poll} reads it only when it changed (a file's modification time and size; an HTTP
 * resource's {@code ETag} or {@code Last-Modified}) and hands it to a {@link PackReceiver}. A pack that cannot
 * be read or is invalid leaves the rules in force unchanged. Not thread-safe: one poller calls it.
 */
public final class RuleLocation {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The location as logs and origins show it: a query (which may hold a token) redacted. */
    private final String location;
    private final Path file;
    private final URI url;
    private FileTime lastModified;
    private long lastSize = -1;
    private String etag;
    private String httpLastModified;
    private String lastProblem;

    /** The trust store's TLS sockets for an https location, or {@code null} for the JVM's default. */
    private final javax.net.ssl.SSLSocketFactory tls;

    public RuleLocation(String location) {
        this(location, null);
    }

    /** @param tls sockets that trust {@code palisade.backend.truststore}, or {@code null} for the JVM's defaults */
    public RuleLocation(String location, javax.net.ssl.SSLSocketFactory tls) {
        this.tls = tls;
        URI uri = null;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            // a file path with characters URIs do not allow
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            this.url = uri;
            this.file = null;
            this.location = io.palisade.core.config.SettingsReader.withoutUserInfo(location);
        } else {
            this.url = null;
            this.file = scheme.equals("file") ? Path.of(uri) : Path.of(location);
            this.location = location;
        }
    }

    /**
     * Applies the pack at the location when it changed since the last poll.
     *
     * @return whether a new pack is now in force
     */
    public boolean poll(PackReceiver receiver) {
        String text;
        try {
            text = file != null ? readFileIfChanged() : fetchIfChanged();
        } catch (IOException | RuntimeException e) {
            problem(CoreMessages.LOCATION_UNREADABLE.text(location, e.getClass().getSimpleName()));
            return false;
        }
        if (text == null) {
            return false;
        }
        try {
            receiver.receive(text, location, url != null);
            lastProblem = null;
            return true;
        } catch (RulePackException e) {
            return false; // logged and counted by the engine
        }
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            CoreMessages.LOCATION_UNREADABLE.logger().log(CoreMessages.LOCATION_UNREADABLE.level(), message); // once per distinct problem
        }
        lastProblem = message;
    }

    private String readFileIfChanged() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        if (modified.equals(lastModified) && size == lastSize) {
            return null;
        }
        if (size > RulePackParser.MAX_PACK_CHARS * 4L) {
            throw new IOException("larger than the rule pack limit");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        lastModified = modified;
        lastSize = size;
        return text;
    }

    private String fetchIfChanged() throws IOException {
        URL target = url.toURL();
        HttpURLConnection connection = (HttpURLConnection) target.openConnection();
        if (tls != null && connection instanceof javax.net.ssl.HttpsURLConnection) {
            ((javax.net.ssl.HttpsURLConnection) connection).setSSLSocketFactory(tls);
        }
        try {
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            if (etag != null) {
                connection.setRequestProperty("If-None-Match", etag);
            }
            if (httpLastModified != null) {
                connection.setRequestProperty("If-Modified-Since", httpLastModified);
            }
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_NOT_MODIFIED) {
                return null;
            }
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status);
            }
            String text;
            try (InputStream in = connection.getInputStream()) {
                text = new String(in.readNBytes(RulePackParser.MAX_PACK_CHARS * 4 + 1), StandardCharsets.UTF_8);
            }
            etag = connection.getHeaderField("ETag");
            httpLastModified = connection.getHeaderField("Last-Modified");
            return text;
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public String toString() {
        return location;
    }
}
