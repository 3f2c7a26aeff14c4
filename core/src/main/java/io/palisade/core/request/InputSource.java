package io.palisade.core.request;

/** Where a request input came from. */
public enum InputSource {
    QUERY("query"),
    PATH("path"),
    /** A matrix parameter of a path segment: {@code /books;author=x}. */
    MATRIX("matrix"),
    FORM("form"),
    JSON("json"),
    HEADER("header"),
    COOKIE("cookie");

    private final String label;

    InputSource(String label) {
        this.label = label;
    }

    /** The lower-case name used in events: {@code query}, {@code header}, ... */
    public String label() {
        return label;
    }
}
