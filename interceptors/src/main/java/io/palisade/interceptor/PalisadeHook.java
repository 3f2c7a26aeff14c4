package io.palisade.interceptor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Binds {@link PalisadeInterceptor} to a hooked method. The extension adds it to exactly the methods
 * it hooks (resource methods, {@code DataSource.getConnection}); it is never put on a class.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface PalisadeHook {

    /** The instance the extension adds to annotated methods. */
    final class Literal extends AnnotationLiteral<PalisadeHook> implements PalisadeHook {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
