package io.palisade.core.rules;

import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import java.util.Locale;

/**
 * Which values of a request a condition looks at: a source of inputs ({@code query}, {@code path},
 * {@code form}, {@code json}, {@code header}, {@code cookie}), optionally one name
 * ({@code header:User-Agent}, names of headers compared without case), or the request itself:
 * {@code uri} (its path), {@code method}, {@code client_ip}.
 */
public record InputSelector(Kind kind, InputSource source, String name) {

    public enum Kind { INPUT, URI, METHOD, CLIENT_IP }

    static InputSelector parse(String text) {
        switch (text) {
            case "uri":
                return new InputSelector(Kind.URI, null, null);
            case "method":
                return new InputSelector(Kind.METHOD, null, null);
            case "client_ip":
                return new InputSelector(Kind.CLIENT_IP, null, null);
            default:
                break;
        }
        int colon = text.indexOf(':');
        String sourceName = colon < 0 ? text : text.substring(0, colon);
        String name = colon < 0 ? null : text.substring(colon + 1);
        for (InputSource source : InputSource.values()) {
            if (source.label().equals(sourceName)) {
                if (name != null && name.isEmpty()) {
                    throw new IllegalArgumentException("input '" + text + "' names no " + sourceName);
                }
                return new InputSelector(Kind.INPUT, source, name);
            }
        }
        throw new IllegalArgumentException("unknown input '" + text + "'; known: query, path, form, json, header, cookie"
                + " (each optionally with :name), uri, method, client_ip");
    }

    boolean selects(RequestInput input) {
        if (kind != Kind.INPUT || input.source() != source) {
            return false;
        }
        if (name == null) {
            return true;
        }
        return source == InputSource.HEADER ? input.name().equalsIgnoreCase(name) : input.name().equals(name);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case URI -> "uri";
            case METHOD -> "method";
            case CLIENT_IP -> "client_ip";
            case INPUT -> source.label() + (name == null ? "" : ":" + name.toLowerCase(Locale.ROOT));
        };
    }
}
