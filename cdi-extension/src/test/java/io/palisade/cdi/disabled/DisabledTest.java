package io.palisade.cdi.disabled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.cdi.PalisadeExtension;
import io.palisade.cdi.support.Containers;
import io.palisade.core.hook.HookTable;
import io.palisade.interceptor.PalisadeInterceptor;
import io.palisade.interceptor.jdbc.PalisadeConnection;
import io.palisade.interceptor.jdbc.PalisadeDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code palisade.enabled=false}: the extension registers nothing, scanned or not. */
class DisabledTest {

    @ParameterizedTest(name = "agent scanned: {0}")
    @ValueSource(booleans = {false, true})
    void disabledRegistersNothing(boolean scanned) throws SQLException {
        Class<?>[] beans = scanned ? new Class<?>[] {PlainDao.class, PalisadeInterceptor.class} : new Class<?>[] {PlainDao.class};
        WeldContainer container = Containers.start(Map.of("palisade.enabled", "false"), Map.of(), beans);
        try {
            assertThat(container.select(HookTable.class).isUnsatisfied()).isTrue();
            DataSource dataSource = container.select(DataSource.class).get();
            assertThat(dataSource.isWrapperFor(PalisadeDataSource.class)).isFalse();
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection).isNotInstanceOf(PalisadeConnection.class);
            }
            assertThat(container.select(PlainDao.class).get().ping()).isEqualTo("pong");
            PalisadeExtension extension = container.getBeanManager().getExtension(PalisadeExtension.class);
            assertThatThrownBy(extension::hookTable).hasMessageContaining("Palisade is disabled");
        } finally {
            container.shutdown();
        }
    }
}
