package io.palisade.core;

import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.EventSink;
import io.palisade.core.hook.HookTable;
import io.palisade.core.request.RequestContext;
import io.palisade.core.rules.RuleEngine;
import java.util.Objects;

/**
 * What the glue modules share at run time, one per deployment: the settings, the frozen hook table,
 * the request context, the counters, the sink finished requests are offered to, and the rules engine. The CDI extension
 * creates it; the JAX-RS layer finds it as a bean.
 */
public record PalisadeRuntime(Settings settings, HookTable hookTable, RequestContext requests, Counters counters,
        EventSink sink, RuleEngine rules) {

    public PalisadeRuntime {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(hookTable, "hookTable");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(rules, "rules");
    }
}
