package io.palisade.cdi;

import io.palisade.core.hook.JdbcHooks;
import io.palisade.interceptor.jdbc.PalisadeDataSource;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.Producer;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Wraps what a {@code @Produces DataSource} method or field produces. The disposer method gets the
 * application's own DataSource back, so a disposer that casts it to the vendor class still works.
 */
final class DataSourceProducer implements Producer<DataSource> {

    private final Producer<DataSource> original;
    private final JdbcHooks hooks;

    DataSourceProducer(Producer<DataSource> original, JdbcHooks hooks) {
        this.original = original;
        this.hooks = hooks;
    }

    @Override
    public DataSource produce(CreationalContext<DataSource> context) {
        return PalisadeDataSource.wrap(original.produce(context), hooks);
    }

    @Override
    public void dispose(DataSource instance) {
        original.dispose((DataSource) PalisadeDataSource.unwrapped(instance));
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return original.getInjectionPoints();
    }
}
