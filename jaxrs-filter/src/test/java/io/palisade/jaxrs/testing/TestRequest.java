package io.palisade.jaxrs.testing;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as a JAX-RS runtime hands it to Palisade's filters, for the filters' unit tests and the
 * filter benchmark: the parts the filters read answer what a real runtime would; the rest is never
 * called. Not a stand-in for the thing tested (the filters are the real ones), only for the runtime
 * around them. Test-support API of {@code palisade-jaxrs-filter}'s test jar.
 */
public final class TestRequest implements ContainerRequestContext, UriInfo {

    private final String method;
    private final String path;
    private final MultivaluedMap<String, String> query;
    private final MultivaluedMap<String, String> pathParameters;
    private final MultivaluedMap<String, String> headers;
    private final Map<String, Cookie> cookies;
    private final MediaType type;
    private final byte[] body;
    /** What Jersey and RESTEasy keep ready: the request URI, built once. */
    private final URI requestUri;
    private final Map<String, Object> properties = new HashMap<>();
    private InputStream entity;
    private Response aborted;

    public TestRequest(String method, String path, MultivaluedMap<String, String> query, MultivaluedMap<String, String> pathParameters,
            MultivaluedMap<String, String> headers, Map<String, Cookie> cookies, MediaType type, byte[] body) {
        this(method, path, query, pathParameters, headers, cookies, type, body, requestUri(path, query));
    }

    private TestRequest(String method, String path, MultivaluedMap<String, String> query,
            MultivaluedMap<String, String> pathParameters, MultivaluedMap<String, String> headers, Map<String, Cookie> cookies,
            MediaType type, byte[] body, URI requestUri) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.pathParameters = pathParameters;
        this.headers = headers;
        this.cookies = cookies;
        this.type = type;
        this.body = body;
        this.entity = body == null ? null : new ByteArrayInputStream(body);
        this.requestUri = requestUri;
    }

    private static URI requestUri(String path, MultivaluedMap<String, String> query) {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:8080/").append(path);
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                uri.append(separator).append(java.net.URLEncoder.encode(parameter.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        return URI.create(uri.toString());
    }

    /** A fresh copy for the next operation: new properties, an unread body. */
    public TestRequest fresh() {
        return new TestRequest(method, path, query, pathParameters, headers, cookies, type, body, requestUri);
    }

    /** What a filter aborted the request with, or {@code null}. */
    public Response aborted() {
        return aborted;
    }

    /** A multivalued map from alternating keys and values. */
    public static MultivaluedMap<String, String> map(String... keysAndValues) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public Object getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public void setProperty(String name, Object object) {
        properties.put(name, object);
    }

    @Override
    public void removeProperty(String name) {
        properties.remove(name);
    }

    @Override
    public UriInfo getUriInfo() {
        return this;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
        return headers;
    }

    @Override
    public String getHeaderString(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public MediaType getMediaType() {
        return type;
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of(MediaType.APPLICATION_JSON_TYPE);
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return cookies;
    }

    @Override
    public boolean hasEntity() {
        return body != null;
    }

    @Override
    public InputStream getEntityStream() {
        return entity;
    }

    @Override
    public void setEntityStream(InputStream input) {
        entity = input;
    }

    @Override
    public void abortWith(Response response) {
        aborted = response;
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public String getPath(boolean decode) {
        return path;
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
        return pathParameters;
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
        return pathParameters;
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
        return query;
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
        return query;
    }

    // What the filters never call. (No @Override on the two methods JAX-RS 4.0 added, so that this
    // compiles against 3.1 as well.)

    public boolean containsHeaderString(String name, String separator, java.util.function.Predicate<String> test) {
        throw unused();
    }

    public String getMatchedResourceTemplate() {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by Palisade's filters");
    }

    @Override
    public void setRequestUri(URI requestUri) {
        throw unused();
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
        throw unused();
    }

    @Override
    public Request getRequest() {
        throw unused();
    }

    @Override
    public void setMethod(String method) {
        throw unused();
    }

    @Override
    public Date getDate() {
        throw unused();
    }

    @Override
    public Locale getLanguage() {
        throw unused();
    }

    @Override
    public int getLength() {
        return body == null ? -1 : body.length;
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        throw unused();
    }

    @Override
    public SecurityContext getSecurityContext() {
        throw unused();
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
        throw unused();
    }

    @Override
    public List<PathSegment> getPathSegments() {
        return getPathSegments(true);
    }

    /** The path's segments with their matrix parameters ({@code ;name=value}), as a runtime splits them. */
    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
        List<PathSegment> segments = new java.util.ArrayList<>();
        for (String raw : path.split("/", -1)) {
            String[] parts = raw.split(";", -1);
            MultivaluedMap<String, String> matrix = new MultivaluedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0) {
                    matrix.add(parts[i].substring(0, equals), parts[i].substring(equals + 1));
                } else if (!parts[i].isEmpty()) {
                    matrix.add(parts[i], "");
                }
            }
            segments.add(new PathSegment() {
                @Override
                public String getPath() {
                    return parts[0];
                }

                @Override
                public MultivaluedMap<String, String> getMatrixParameters() {
                    return matrix;
                }
            });
        }
        return segments;
    }

    @Override
    public URI getRequestUri() {
        return requestUri;
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
        throw unused();
    }

    @Override
    public URI getAbsolutePath() {
        throw unused();
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
        throw unused();
    }

    @Override
    public URI getBaseUri() {
        throw unused();
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
        throw unused();
    }

    @Override
    public List<String> getMatchedURIs() {
        throw unused();
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
        throw unused();
    }

    @Override
    public List<Object> getMatchedResources() {
        throw unused();
    }

    @Override
    public URI resolve(URI uri) {
        throw unused();
    }

    @Override
    public URI relativize(URI uri) {
        throw unused();
    }
}
