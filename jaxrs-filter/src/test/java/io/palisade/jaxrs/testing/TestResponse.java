package io.palisade.jaxrs.testing;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The response the filters see for a request that passed: 200, a JSON entity, a few headers. The rest
 * of {@link ContainerResponseContext} is never called by Palisade's response filter. Test-support API
 * of {@code palisade-jaxrs-filter}'s test jar.
 */
public final class TestResponse implements ContainerResponseContext {

    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    private int status = 200;
    private Object entity = "{\"id\":1}";
    private MediaType type = MediaType.APPLICATION_JSON_TYPE;

    /** 200 with a small JSON entity. */
    public TestResponse() {
    }

    /** What the resource answered: {@code status}, {@code entity} of media type {@code type}. */
    public TestResponse(int status, Object entity, MediaType type) {
        this.status = status;
        this.entity = entity;
        this.type = type;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setStatus(int code) {
        status = code;
    }

    @Override
    public Response.StatusType getStatusInfo() {
        return Response.Status.fromStatusCode(status);
    }

    @Override
    public void setStatusInfo(Response.StatusType statusInfo) {
        status = statusInfo.getStatusCode();
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
        return headers;
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        throw unused();
    }

    @Override
    public String getHeaderString(String name) {
        Object value = headers.getFirst(name);
        return value == null ? null : value.toString();
    }

    @Override
    public Set<String> getAllowedMethods() {
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
        return -1;
    }

    @Override
    public MediaType getMediaType() {
        return type;
    }

    @Override
    public Map<String, NewCookie> getCookies() {
        throw unused();
    }

    @Override
    public EntityTag getEntityTag() {
        throw unused();
    }

    @Override
    public Date getLastModified() {
        throw unused();
    }

    @Override
    public URI getLocation() {
        throw unused();
    }

    @Override
    public Set<Link> getLinks() {
        throw unused();
    }

    @Override
    public boolean hasLink(String relation) {
        throw unused();
    }

    @Override
    public Link getLink(String relation) {
        throw unused();
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        throw unused();
    }

    @Override
    public boolean hasEntity() {
        return entity != null;
    }

    @Override
    public Object getEntity() {
        return entity;
    }

    @Override
    public Class<?> getEntityClass() {
        return entity == null ? null : entity.getClass();
    }

    @Override
    public Type getEntityType() {
        return getEntityClass();
    }

    @Override
    public void setEntity(Object entity) {
        this.entity = entity;
    }

    @Override
    public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
        this.entity = entity;
        this.type = mediaType;
    }

    @Override
    public Annotation[] getEntityAnnotations() {
        throw unused();
    }

    @Override
    public OutputStream getEntityStream() {
        throw unused();
    }

    @Override
    public void setEntityStream(OutputStream outputStream) {
        throw unused();
    }

    // Added by JAX-RS 4.0; no @Override, so that this compiles against 3.1 as well.
    public boolean containsHeaderString(String name, String separator, java.util.function.Predicate<String> test) {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by Palisade's filters");
    }
}
