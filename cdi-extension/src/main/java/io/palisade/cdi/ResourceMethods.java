package io.palisade.cdi;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Which methods of a {@code @Path} class JAX-RS dispatches to: those with an HTTP-method annotation
 * ({@code @GET}, {@code @POST}, or any annotation meta-annotated {@code @HttpMethod}) or {@code @Path},
 * on the method itself or, when it has no JAX-RS annotation of its own, on the method it overrides
 * in a superclass or an interface (JAX-RS annotation inheritance).
 */
final class ResourceMethods {

    private ResourceMethods() {
    }

    static boolean isResourceClass(Class<?> type) {
        return type.isAnnotationPresent(Path.class) && !type.isInterface();
    }

    static boolean isResourceMethod(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
                || method.isSynthetic() || method.isBridge()) {
            return false;
        }
        if (hasJaxRsAnnotation(method)) {
            return true;
        }
        return inheritsJaxRsAnnotation(method.getDeclaringClass(), method);
    }

    private static boolean inheritsJaxRsAnnotation(Class<?> type, Method method) {
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && superclass != Object.class && annotatedIn(superclass, method)) {
            return true;
        }
        for (Class<?> iface : type.getInterfaces()) {
            if (annotatedIn(iface, method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotatedIn(Class<?> type, Method method) {
        try {
            Method overridden = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return hasJaxRsAnnotation(overridden) || inheritsJaxRsAnnotation(type, overridden);
        } catch (NoSuchMethodException e) {
            return inheritsJaxRsAnnotation(type, method);
        }
    }

    private static boolean hasJaxRsAnnotation(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type == Path.class || type.isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
