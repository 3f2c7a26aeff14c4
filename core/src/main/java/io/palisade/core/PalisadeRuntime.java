package io.palisade.core;

import io.palisade.core.config.Settings;
import io.palisade.core.hook.HookTable;
import io.palisade.core.request.RequestContext;
import java.util.Objects;

/**
 * What the glue modules share at run time, one per deployment: the settings, the frozen hook table
 * and the request context. The CDI extension creates it; the JAX-RS layer finds it as a bean.
 */
public record PalisadeRuntime(Settings settings, HookTable hookTable, RequestContext requests) {

    public PalisadeRuntime {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(hookTable, "hookTable");
        Objects.requireNonNull(requests, "requests");
    }
}
