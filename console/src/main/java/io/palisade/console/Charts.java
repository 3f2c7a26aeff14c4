package io.palisade.console;

import java.util.List;

/**
 * Charts drawn on the server as SVG: no script, nothing from a CDN, and a page HtmlUnit reads like any
 * other.
 */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 160;

    private Charts() {
    }

    /** Requests as grey bars, attacks as orange and blocks as red bars inside them, one group per bucket. */
    static void bars(Html h, List<Reports.Bucket> buckets) {
        long max = 1;
        for (Reports.Bucket b : buckets) {
            max = Math.max(max, Math.max(b.requests(), b.attacks()));
        }
        int n = Math.max(1, buckets.size());
        double slot = (double) WIDTH / n;
        h.raw("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + 20) + "\" width=\"" + WIDTH
                + "\" height=\"" + (HEIGHT + 20) + "\"><title>Requests, attacks and blocks</title>");
        for (int i = 0; i < buckets.size(); i++) {
            Reports.Bucket b = buckets.get(i);
            double x = i * slot;
            bar(h, x, slot * 0.9, b.requests(), max, "requests", b);
            bar(h, x + slot * 0.2, slot * 0.5, b.attacks(), max, "attacks", b);
            bar(h, x + slot * 0.3, slot * 0.3, b.blocked(), max, "blocked", b);
        }
        h.raw("<text x=\"0\" y=\"" + (HEIGHT + 15) + "\" class=\"axis\">").text(Html.time(buckets.isEmpty() ? null
                : buckets.get(0).start())).raw("</text>");
        h.raw("<text x=\"" + WIDTH + "\" y=\"" + (HEIGHT + 15) + "\" text-anchor=\"end\" class=\"axis\">max ").text(max)
                .raw("</text></svg>");
        h.raw("<p class=\"legend\"><span class=\"requests\">requests</span> <span class=\"attacks\">attacks</span>"
                + " <span class=\"blocked\">blocked</span></p>");
    }

    private static void bar(Html h, double x, double width, long value, long max, String kind, Reports.Bucket bucket) {
        if (value <= 0) {
            return;
        }
        double height = Math.max(1, (double) value * HEIGHT / max);
        h.raw(String.format(java.util.Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">",
                kind, x, HEIGHT - height, Math.max(1, width), height));
        h.raw("<title>").text(Html.time(bucket.start()) + ": " + value + " " + kind).raw("</title></rect>");
    }
}
